-- Brightwater Outfitters: a small outdoor-gear company (schema for PostgreSQL).
-- Rows come from SampleCompanyGenerator; dates are DATE, money is NUMERIC(12,2) in US dollars.

CREATE TABLE regions (
    region_id    INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL UNIQUE,
    sales_target NUMERIC(12,2) NOT NULL            -- yearly revenue target
);

CREATE TABLE employees (
    employee_id INTEGER PRIMARY KEY,
    first_name  TEXT    NOT NULL,
    last_name   TEXT    NOT NULL,
    email       TEXT    NOT NULL UNIQUE,
    title       TEXT    NOT NULL,
    department  TEXT    NOT NULL,            -- Sales, Support, Operations, Management
    region_id   INTEGER REFERENCES regions (region_id),
    manager_id  INTEGER REFERENCES employees (employee_id),
    hire_date   DATE    NOT NULL
);

CREATE TABLE categories (
    category_id INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    description TEXT    NOT NULL
);

CREATE TABLE products (
    product_id     INTEGER PRIMARY KEY,
    sku            TEXT    NOT NULL UNIQUE,
    name           TEXT    NOT NULL,
    category_id    INTEGER NOT NULL REFERENCES categories (category_id),
    unit_price     NUMERIC(12,2) NOT NULL CHECK (unit_price > 0),
    unit_cost      NUMERIC(12,2) NOT NULL CHECK (unit_cost > 0),
    units_in_stock INTEGER NOT NULL DEFAULT 0,
    discontinued   BOOLEAN NOT NULL DEFAULT FALSE,
    launch_date    DATE    NOT NULL
);

CREATE TABLE customers (
    customer_id        INTEGER PRIMARY KEY,
    name               TEXT    NOT NULL,
    email              TEXT    NOT NULL UNIQUE,
    phone              TEXT,
    segment            TEXT    NOT NULL CHECK (segment IN ('consumer', 'small_business', 'enterprise')),
    city               TEXT    NOT NULL,
    country            TEXT    NOT NULL,
    region_id          INTEGER NOT NULL REFERENCES regions (region_id),
    account_manager_id INTEGER REFERENCES employees (employee_id),
    signup_date        DATE    NOT NULL
);

CREATE TABLE orders (
    order_id      INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers (customer_id),
    employee_id   INTEGER REFERENCES employees (employee_id),   -- the sales rep; NULL for web orders
    order_date    DATE    NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('pending', 'processing', 'shipped', 'delivered', 'cancelled', 'returned')),
    channel       TEXT    NOT NULL CHECK (channel IN ('web', 'phone', 'sales_rep')),
    shipping_cost NUMERIC(12,2) NOT NULL DEFAULT 0,
    total_amount  NUMERIC(12,2) NOT NULL           -- sum of the lines after discount, plus shipping
);

CREATE TABLE order_lines (
    order_id    INTEGER NOT NULL REFERENCES orders (order_id),
    line_number INTEGER NOT NULL,
    product_id  INTEGER NOT NULL REFERENCES products (product_id),
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    unit_price  NUMERIC(12,2) NOT NULL,            -- the price at the time of the order
    discount    NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (discount >= 0 AND discount < 1),
    PRIMARY KEY (order_id, line_number)
);

CREATE TABLE shipments (
    shipment_id     INTEGER PRIMARY KEY,
    order_id        INTEGER NOT NULL UNIQUE REFERENCES orders (order_id),
    carrier         TEXT    NOT NULL,
    tracking_number TEXT    NOT NULL UNIQUE,
    shipped_date    DATE    NOT NULL,
    delivered_date  DATE,
    status          TEXT    NOT NULL CHECK (status IN ('in_transit', 'delivered', 'returned'))
);

CREATE INDEX ix_customers_region ON customers (region_id);
CREATE INDEX ix_products_category ON products (category_id);
CREATE INDEX ix_orders_customer ON orders (customer_id);
CREATE INDEX ix_orders_date ON orders (order_date);
CREATE INDEX ix_order_lines_product ON order_lines (product_id);

CREATE VIEW customer_revenue AS
SELECT c.customer_id, c.name, c.segment, c.country,
       COUNT(o.order_id) AS order_count,
       ROUND(COALESCE(SUM(o.total_amount), 0), 2) AS revenue,
       MAX(o.order_date) AS last_order_date
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.customer_id AND o.status NOT IN ('cancelled', 'returned')
GROUP BY c.customer_id, c.name, c.segment, c.country;
