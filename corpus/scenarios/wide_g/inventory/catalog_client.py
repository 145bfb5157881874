"""Client of the supplier's GraphQL catalog API (gql): stock levels, prices and purchase orders."""

from __future__ import annotations

from gql import Client, gql
from gql.transport.httpx import HTTPXAsyncTransport, HTTPXTransport
from gql.transport.requests import RequestsHTTPTransport

ENDPOINT = "http://127.0.0.1:47952/graphql"

SCHEMA = """
scalar DateTime
type Money { amountCents: Int! currency: String! }
type Product { sku: ID! name: String! stock: Int! price: Money! updatedAt: DateTime }
type PurchaseOrder { id: ID! status: String! }
type Query { product(sku: ID!): Product  products(first: Int): [Product!]! }
type Mutation { createPurchaseOrder(sku: ID!, quantity: Int!): PurchaseOrder! }
"""

STOCK = gql("query Stock($sku: ID!) { product(sku: $sku) { sku stock } }")
PRICE = gql("query Price($sku: ID!) { product(sku: $sku) { sku price { amountCents currency } } }")
PRODUCTS = gql("query Products { products(first: 50) { sku name stock } }")
ORDER = gql("mutation Order($sku: ID!, $q: Int!) { createPurchaseOrder(sku: $sku, quantity: $q) { id status } }")


def requests_client(validate: bool = False) -> Client:
    return Client(transport=RequestsHTTPTransport(url=ENDPOINT, timeout=3, retries=0),
                  schema=SCHEMA if validate else None, parse_results=validate)


def httpx_client(validate: bool = False) -> Client:
    return Client(transport=HTTPXTransport(url=ENDPOINT, timeout=3), schema=SCHEMA if validate else None,
                  parse_results=validate)


def stock(client: Client, sku: str) -> int:
    return client.execute(STOCK, variable_values={"sku": sku})["product"]["stock"]


def price_cents(client: Client, sku: str) -> int:
    return client.execute(PRICE, variable_values={"sku": sku})["product"]["price"]["amountCents"]


def low_stock(client: Client, threshold: int = 5) -> list[str]:
    products = client.execute(PRODUCTS)["products"]
    return sorted(p["sku"] for p in products if p["stock"] < threshold)


def reorder(client: Client, sku: str, quantity: int) -> str:
    return client.execute(ORDER, variable_values={"sku": sku, "q": quantity})["createPurchaseOrder"]["status"]


async def stock_async(sku: str) -> int:
    async with Client(transport=HTTPXAsyncTransport(url=ENDPOINT, timeout=3)) as session:
        result = await session.execute(STOCK, variable_values={"sku": sku})
        return result["product"]["stock"]
