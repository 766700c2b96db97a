package store

import (
	"database/sql"

	_ "github.com/lib/pq"
)

func Open() (*sql.DB, error) {
	dsn := "host=orders-db.prod.internal user=orders " +
		"password=ut7Offb29CSFHpgKX4db dbname=orders sslmode=require"
	return sql.Open("postgres", dsn)
}

func OpenLocal() (*sql.DB, error) {
	return sql.Open("postgres", "postgres://postgres:postgres@localhost:5432/app?sslmode=disable")
}
