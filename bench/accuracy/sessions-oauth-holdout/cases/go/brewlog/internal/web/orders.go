package web

import (
	"fmt"
	"log"
	"net/http"
	"strconv"
)

type orderLine struct {
	SKU      string
	Kegs     int
	Cases    int
	UnitCent int64
}

type order struct {
	ID     int64
	Status string
	Total  int64
	Lines  []orderLine
}

func (a *App) listOrders(w http.ResponseWriter, r *http.Request) {
	rows, err := a.db.QueryContext(r.Context(),
		`SELECT id, status, total_cents FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 50`, customerID(r))
	if err != nil {
		http.Error(w, "could not load orders", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	var orders []order
	for rows.Next() {
		var o order
		if err := rows.Scan(&o.ID, &o.Status, &o.Total); err != nil {
			log.Printf("scan order: %v", err)
			continue
		}
		orders = append(orders, o)
	}
	a.render(w, "orders.html", map[string]any{"Orders": orders})
}

func (a *App) placeOrder(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	kegs, _ := strconv.Atoi(r.PostForm.Get("kegs"))
	cases, _ := strconv.Atoi(r.PostForm.Get("cases"))
	if kegs < 0 || cases < 0 || kegs+cases == 0 {
		http.Error(w, "order at least one keg or case", http.StatusUnprocessableEntity)
		return
	}
	var orderID int64
	err := a.db.QueryRowContext(r.Context(),
		`INSERT INTO orders (customer_id, sku, kegs, cases, status) VALUES ($1, $2, $3, $4, 'pending') RETURNING id`,
		customerID(r), r.PostForm.Get("sku"), kegs, cases).Scan(&orderID)
	if err != nil {
		http.Error(w, "could not place order", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/orders/%d", orderID), http.StatusSeeOther)
}

func (a *App) cancelOrder(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	res, err := a.db.ExecContext(r.Context(),
		`UPDATE orders SET status = 'cancelled' WHERE id = $1 AND customer_id = $2 AND status = 'pending'`, id, customerID(r))
	if err != nil {
		http.Error(w, "could not cancel", http.StatusInternalServerError)
		return
	}
	if n, _ := res.RowsAffected(); n == 0 {
		http.Error(w, "order can no longer be cancelled", http.StatusConflict)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *App) updateAddress(w http.ResponseWriter, r *http.Request) {
	_, err := a.db.ExecContext(r.Context(),
		`UPDATE customers SET delivery_street = $1, delivery_city = $2, delivery_postcode = $3 WHERE id = $4`,
		r.FormValue("street"), r.FormValue("city"), r.FormValue("postcode"), customerID(r))
	if err != nil {
		http.Error(w, "could not save address", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
