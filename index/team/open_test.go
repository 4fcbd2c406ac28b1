package team

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"attache/index/team/pgtest"
)

// TestInitIsIdempotent makes a library twice with a role that is no
// superuser: the second Init finds everything there.
func TestInitIsIdempotent(t *testing.T) {
	u := freshURL(t)
	ctx := context.Background()
	rep, err := Init(ctx, Config{URL: u})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Created || rep.Seeds != 4 || rep.Documents != 4 || rep.Passages == 0 {
		t.Errorf("first Init: %+v", rep)
	}
	again, err := Init(ctx, Config{URL: u})
	if err != nil {
		t.Fatal(err)
	}
	if again.Created || again.Seeds != 0 || again.Documents != 4 || again.Passages != rep.Passages {
		t.Errorf("second Init: %+v, first %+v", again, rep)
	}
}

// TestOpenNeedsInit: a database without a team library says what to do.
func TestOpenNeedsInit(t *testing.T) {
	_, err := Open(context.Background(), Config{URL: freshURL(t)})
	if !errors.Is(err, ErrNoSchema) || !strings.Contains(err.Error(), "attache library init") {
		t.Errorf("Open of an empty database: %v", err)
	}
}

// TestPasswordsAsLibpqTakesThem: a URL without a password works with the
// password in PGPASSWORD or in a PGPASSFILE, as for every libpq client,
// and the errors never show a password.
func TestPasswordsAsLibpqTakesThem(t *testing.T) {
	shared(t) // the database "lib1"-like of the shared library is initialised
	u := sharedURL
	parsed, _ := url.Parse(u)
	parsed.User = url.User("desk")
	bare := parsed.String()
	ctx := context.Background()

	t.Setenv("PGPASSWORD", pgtest.DeskPassword)
	l, err := Open(ctx, Config{URL: bare})
	if err != nil {
		t.Fatalf("PGPASSWORD: %v", err)
	}
	l.Close()

	t.Setenv("PGPASSWORD", "")
	os.Unsetenv("PGPASSWORD")
	pass := filepath.Join(t.TempDir(), "pgpass")
	// libpq and pgx match a Unix socket to the host name localhost.
	line := "localhost:" + strconv.Itoa(server.Port) + ":*:desk:" + pgtest.DeskPassword + "\n"
	if err := os.WriteFile(pass, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PGPASSFILE", pass)
	l, err = Open(ctx, Config{URL: bare})
	if err != nil {
		t.Fatalf("PGPASSFILE: %v", err)
	}
	l.Close()

	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
	_, err = Open(ctx, Config{URL: bare})
	if err == nil || strings.Contains(err.Error(), "\n") {
		t.Fatalf("no password: %v", err)
	}
	wrong := server.URL("desk", "s3cret-wrong", parsed.Path[1:])
	_, err = Open(ctx, Config{URL: wrong})
	if err == nil || !strings.Contains(err.Error(), "password") || strings.Contains(err.Error(), "s3cret-wrong") {
		t.Errorf("wrong password: %v", err)
	}
}

// TestTLS opens the library over TCP with sslmode=require and verify-full
// (the test CA), and refuses verify-full without the CA, in one line.
func TestTLS(t *testing.T) {
	shared(t)
	db := strings.TrimPrefix(mustParse(t, sharedURL).Path, "/")
	ctx := context.Background()
	for _, mode := range []string{"require", "verify-full"} {
		l, err := Open(ctx, Config{URL: server.TCPURL("desk", pgtest.DeskPassword, db, mode)})
		if err != nil {
			t.Fatalf("sslmode=%s: %v", mode, err)
		}
		var ssl bool
		if err := l.pool.QueryRow(ctx, `SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`).Scan(&ssl); err != nil || !ssl {
			t.Errorf("sslmode=%s: ssl %v, %v", mode, ssl, err)
		}
		if _, err := l.Documents(); err != nil {
			t.Errorf("sslmode=%s: %v", mode, err)
		}
		l.Close()
	}
	u := mustParse(t, server.TCPURL("desk", pgtest.DeskPassword, db, "verify-full"))
	q := u.Query()
	q.Del("sslrootcert")
	q.Set("sslrootcert", filepath.Join(t.TempDir(), "missing.crt"))
	u.RawQuery = q.Encode()
	_, err := Open(ctx, Config{URL: u.String()})
	if err == nil || strings.Contains(err.Error(), "\n") || strings.Contains(err.Error(), pgtest.DeskPassword) {
		t.Errorf("verify-full without the CA: %v", err)
	}
}

func mustParse(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestRedact keeps passwords out of what is shown.
func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://desk:s3cret@db.example/attache?sslmode=require": "postgres://desk:…@db.example/attache?sslmode=require",
		"postgresql://db.example/attache?user=desk&password=s3cret": "postgresql://db.example/attache?password=…&user=desk",
		"postgres://desk@/attache?host=/run/postgresql":             "postgres://desk@/attache?host=/run/postgresql",
		"postgres://desk:s3cret@[::1/x":                             "postgres://…@[::1/x",
	} {
		got := Redact(in)
		if got != want || strings.Contains(got, "s3cret") {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLabel names a library briefly, without its password.
func TestLabel(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://desk:s3cret@db.example.org:5433/attache?sslmode=verify-full": "desk@db.example.org:5433/attache",
		"postgresql:///attache?host=/run/postgresql&user=alice":                  "alice@/run/postgresql/attache",
		"postgres://db.example.org/attache?password=s3cret":                      "db.example.org/attache",
	} {
		if got := Label(in); got != want {
			t.Errorf("Label(%q) = %q, want %q", in, got, want)
		}
	}
}
