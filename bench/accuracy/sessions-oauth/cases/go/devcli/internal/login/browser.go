package login

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/pkg/browser"
)

func openBrowser(authURL string) {
	fmt.Fprintf(os.Stderr, "Opening %s\n", authURL)
	if err := browser.OpenURL(authURL); err != nil {
		fmt.Fprintln(os.Stderr, "Could not open a browser; open the URL above manually.")
	}
}

func randomState() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}
