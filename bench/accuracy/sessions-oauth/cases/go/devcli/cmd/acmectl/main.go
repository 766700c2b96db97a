package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/spf13/cobra"

	"github.com/acme-corp/acmectl/internal/login"
)

func main() {
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()

	var flow string
	root := &cobra.Command{Use: "acmectl", Short: "ACME platform command line"}
	loginCmd := &cobra.Command{
		Use:   "login",
		Short: "Sign in with your ACME account",
		RunE: func(cmd *cobra.Command, _ []string) error {
			var (
				tok any
				err error
			)
			switch flow {
			case "legacy":
				tok, err = login.LegacyLogin(ctx)
			case "onprem":
				tok, err = login.OnPremLogin(ctx)
			case "onprem-s256":
				tok, err = login.OnPremS256Login(ctx)
			case "kiosk":
				tok, err = login.KioskLogin(ctx)
			case "ci":
				tok, err = login.CILogin(ctx)
			default:
				tok, err = login.Login(ctx)
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), "Signed in.")
			return login.SaveToken(tok)
		},
	}
	loginCmd.Flags().StringVar(&flow, "flow", "", "login flow (legacy, onprem, onprem-s256, kiosk, ci)")
	root.AddCommand(loginCmd)

	if err := root.ExecuteContext(ctx); err != nil {
		os.Exit(1)
	}
}
