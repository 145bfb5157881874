"""Client of the supplier's GraphQL catalog (gql), validated against the supplier's published schema."""

from __future__ import annotations

from gql import Client, gql
from gql.transport.transport import Transport
from graphql import ExecutionResult

SUPPLIER_SDL = """
type Money { amount: Int! currency: String! }
type Product { id: ID! title: String! price: Money! stock: Int! }
type Query { product(id: ID!): Product  products(first: Int!): [Product!]! }
"""

PRODUCT_QUERY = gql("query Product($id: ID!) { product(id: $id) { id title price { amount currency } } }")
STOCK_QUERY = gql("query Stock($id: ID!) { product(id: $id) { id stockLevel } }")
LIST_QUERY = gql("query List($first: String!) { products(first: $first) { id title } }")


class CannedTransport(Transport):
    """Replays canned results (what the supplier's sandbox answered when the stubs were written)."""

    def __init__(self, results: dict[str, dict]) -> None:
        self.results = results

    def execute(self, request, *args, **kwargs) -> ExecutionResult:
        name = request.operation_name or request.document.definitions[0].name.value
        return ExecutionResult(data=self.results[name])


def client(results: dict[str, dict]) -> Client:
    return Client(transport=CannedTransport(results), schema=SUPPLIER_SDL)


def product_price(c: Client, product_id: str) -> int:
    return c.execute(PRODUCT_QUERY, variable_values={"id": product_id})["product"]["price"]["amount"]


def stock_level(c: Client, product_id: str) -> int:
    return c.execute(STOCK_QUERY, variable_values={"id": product_id})["product"]["stockLevel"]


def first_titles(c: Client, n: int) -> list[str]:
    return [p["title"] for p in c.execute(LIST_QUERY, variable_values={"first": str(n)})["products"]]
