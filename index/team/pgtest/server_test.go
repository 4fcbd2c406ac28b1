package pgtest

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestStartConnectStop starts a throwaway server, connects to it as the
// desk role over the socket and over TLS, and stops it.
func TestStartConnectStop(t *testing.T) {
	start := time.Now()
	s, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("server up in %v", time.Since(start))
	defer s.Stop()
	ctx := context.Background()
	for _, u := range []string{s.DeskURL(), s.TCPURL("desk", DeskPassword, "desk", "verify-full")} {
		conn, err := pgx.Connect(ctx, u)
		if err != nil {
			t.Fatalf("connect: %v", err)
		}
		var super bool
		var ssl bool
		if err := conn.QueryRow(ctx, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user").Scan(&super); err != nil {
			t.Fatal(err)
		}
		if super {
			t.Errorf("desk is a superuser; it should not be")
		}
		if err := conn.QueryRow(ctx, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").Scan(&ssl); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: ssl %v", conn.Config().Host, ssl)
		if conn.Config().Host == "localhost" && !ssl {
			t.Errorf("verify-full connection without TLS")
		}
		conn.Close(ctx)
	}
}
