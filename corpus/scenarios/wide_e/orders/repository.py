"""Order storage on MariaDB through PyMySQL: one connection per unit of work, as the order service does it."""

from __future__ import annotations

import threading

import pymysql

from ..conftest import MYSQL_HOST, MYSQL_PORT

SCHEMA = [
    "DROP TABLE IF EXISTS order_lines",
    "DROP TABLE IF EXISTS orders",
    "DROP TABLE IF EXISTS stock",
    "CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(40) NOT NULL, status VARCHAR(12) NOT NULL,"
    " total_cents INT NOT NULL) ENGINE=InnoDB",
    "CREATE TABLE order_lines (id INT AUTO_INCREMENT PRIMARY KEY, order_id INT NOT NULL, sku VARCHAR(12) NOT NULL,"
    " qty INT NOT NULL, UNIQUE KEY uq_line (order_id, sku)) ENGINE=InnoDB",
    "CREATE TABLE stock (sku VARCHAR(12) PRIMARY KEY, qty INT NOT NULL) ENGINE=InnoDB",
    "INSERT INTO orders VALUES (1, 'ines', 'open', 4200), (2, 'omar', 'open', 1500), (3, 'pia', 'paid', 990)",
    "INSERT INTO stock VALUES ('KETTLE', 7), ('TOASTER', 3), ('MUG', 40)",
]


def connect(user: str = "shop", password: str = "shop", autocommit: bool = False) -> pymysql.connections.Connection:
    return pymysql.connect(
        host=MYSQL_HOST, port=MYSQL_PORT, user=user, password=password, database="orders", autocommit=autocommit
    )


def reset_schema() -> None:
    conn = connect(autocommit=True)
    try:
        with conn.cursor() as cur:
            for stmt in SCHEMA:
                cur.execute(stmt)
    finally:
        conn.close()


class RepositoryUnavailable(RuntimeError):
    pass


class OrderRepository:
    def __repr__(self) -> str:
        return "OrderRepository(mysql://orders)"

    def __init__(self, conn: pymysql.connections.Connection) -> None:
        self.conn = conn

    def status(self, order_id: int) -> str:
        with self.conn.cursor() as cur:
            cur.execute("SELECT status FROM orders WHERE id = %s", (order_id,))
            return cur.fetchone()[0]

    def safe_status(self, order_id: int) -> str:
        try:
            return self.status(order_id)
        except (pymysql.err.OperationalError, pymysql.err.InterfaceError) as exc:
            raise RepositoryUnavailable(f"order store unreachable while reading order {order_id}") from exc

    def mark_paid(self, order_id: int) -> None:
        with self.conn.cursor() as cur:
            cur.execute("UPDATE orders SET status = 'paid' WHERE id = %s", (order_id,))
        self.conn.commit()

    def add_line(self, order_id: int, sku: str, qty: int) -> None:
        with self.conn.cursor() as cur:
            cur.execute("INSERT INTO order_lines (order_id, sku, qty) VALUES (%s, %s, %s)", (order_id, sku, qty))
        self.conn.commit()

    def lines(self, order_id: int) -> list[tuple]:
        with self.conn.cursor() as cur:
            cur.execute("SELECT sku, qty FROM order_lines WHERE order_id = %s ORDER BY sku", (order_id,))
            return list(cur.fetchall())

    def totals_by_customer(self) -> dict[str, int]:
        with self.conn.cursor() as cur:
            cur.execute("SELECT customer, SUM(total_cents) FROM orders GROUP BY customer ORDER BY customer")
            return {c: int(t) for c, t in cur.fetchall()}

    def open_orders(self, customer: str) -> list[int]:
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT id FROM orders WHERE customer = %s AND status = 'open' ORDER BY id LIMT 50", (customer,)
            )
            return [r[0] for r in cur.fetchall()]

    def rename_customer(self, order_id: int, name: str) -> None:
        with self.conn.cursor() as cur:
            cur.execute("UPDATE orders SET custmer = %s WHERE id = %s", (name, order_id))
        self.conn.commit()


def reserve(conn: pymysql.connections.Connection, first: str, second: str, qty: int) -> None:
    """Reserve two SKUs in one transaction, locking them in the order given."""
    with conn.cursor() as cur:
        cur.execute("SELECT qty FROM stock WHERE sku = %s FOR UPDATE", (first,))
        cur.execute("SELECT qty FROM stock WHERE sku = %s FOR UPDATE", (second,))
        cur.execute("UPDATE stock SET qty = qty - %s WHERE sku IN (%s, %s)", (qty, first, second))
    conn.commit()


def open_order_count_per_request(requests: int) -> list[int]:
    """The dashboard handler: opens a connection per widget and hands it to the widget (which keeps it)."""
    counts = []
    for _ in range(requests):
        conn = connect()
        _WIDGET_CONNECTIONS.append(conn)
        with conn.cursor() as cur:
            cur.execute("SELECT COUNT(*) FROM orders WHERE status = 'open'")
            counts.append(cur.fetchone()[0])
    return counts


_WIDGET_CONNECTIONS: list = []
_lock = threading.Lock()
