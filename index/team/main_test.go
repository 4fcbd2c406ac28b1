package team

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"attache/index/team/pgtest"
)

// The tests share one throwaway server, started by TestMain, and make a
// database of their own on it for each library they change.
var server *pgtest.Server

func TestMain(m *testing.M) {
	flag.Parse()
	start := time.Now()
	s, err := pgtest.Start()
	if err != nil {
		fmt.Fprintf(os.Stderr, "team tests: %v\n", err)
		os.Exit(1)
	}
	server = s
	if testing.Verbose() {
		fmt.Fprintf(os.Stderr, "team tests: throwaway PostgreSQL up in %v\n", time.Since(start).Round(time.Millisecond))
	}
	code := m.Run()
	s.Stop()
	os.Exit(code)
}

var (
	dbMu sync.Mutex
	dbN  int
)

// freshURL makes a new database owned by the desk role (no superuser)
// and returns its URL; it is not initialised.
func freshURL(t testing.TB) string {
	t.Helper()
	dbMu.Lock()
	dbN++
	name := fmt.Sprintf("lib%d", dbN)
	dbMu.Unlock()
	if err := server.Exec("CREATE DATABASE " + name + " OWNER desk"); err != nil {
		t.Fatal(err)
	}
	return server.URL("desk", pgtest.DeskPassword, name)
}

// freshLibrary makes, initialises and opens a team library of its own.
func freshLibrary(t testing.TB) *Library {
	t.Helper()
	url := freshURL(t)
	ctx := context.Background()
	if _, err := Init(ctx, Config{URL: url}); err != nil {
		t.Fatalf("Init: %v", err)
	}
	l, err := Open(ctx, Config{URL: url})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

var (
	sharedOnce sync.Once
	sharedLib  *Library
	sharedURL  string
)

// shared is a team library of the seeds alone, for tests that only read.
func shared(t testing.TB) *Library {
	t.Helper()
	sharedOnce.Do(func() {
		url := freshURL(t)
		ctx := context.Background()
		if _, err := Init(ctx, Config{URL: url}); err != nil {
			t.Fatalf("Init: %v", err)
		}
		l, err := Open(ctx, Config{URL: url})
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		sharedLib, sharedURL = l, url
	})
	if sharedLib == nil {
		t.Fatal("no shared library")
	}
	return sharedLib
}
