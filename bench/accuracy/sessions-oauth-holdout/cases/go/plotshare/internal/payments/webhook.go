// Package payments receives payment notifications from the co-op's card processor.
package payments

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"

	"gorm.io/gorm"

	"github.com/greenrow-coop/plotshare/internal/models"
)

type event struct {
	Type      string `json:"type"`
	BookingID uint   `json:"booking_id"`
	Amount    int64  `json:"amount_pence"`
}

// Webhook verifies the processor's HMAC-SHA256 signature before touching a booking.
func Webhook(db *gorm.DB, secret []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, "unreadable body", http.StatusBadRequest)
			return
		}
		mac := hmac.New(sha256.New, secret)
		mac.Write(body)
		want := mac.Sum(nil)
		got, err := hex.DecodeString(r.Header.Get("X-Signature-SHA256"))
		if err != nil || !hmac.Equal(want, got) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		var ev event
		if err := json.Unmarshal(body, &ev); err != nil {
			http.Error(w, "bad event", http.StatusBadRequest)
			return
		}
		if ev.Type == "payment.succeeded" {
			db.Model(&models.Booking{}).Where("id = ?", ev.BookingID).
				Updates(map[string]any{"status": "paid", "paid_pence": ev.Amount})
		}
		w.WriteHeader(http.StatusOK)
	}
}
