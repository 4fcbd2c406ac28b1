package pgtest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
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

// TestServerDiesWithItsStarter: a process that started a server and is
// killed (kill -9, as a test binary past its timeout is) takes the server
// with it, and the next Start's clean-up removes the folder it left.
func TestServerDiesWithItsStarter(t *testing.T) {
	if os.Getenv("PGTEST_HELPER") != "" {
		t.Skip("the helper process itself")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperStartsAndWaits$")
	cmd.Env = append(os.Environ(), "PGTEST_HELPER=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var dir string
	var pid int
	if _, err := fmt.Fscan(bufio.NewReader(out), &dir, &pid); err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the helper did not say its server: %v", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if !waitGone(pid) {
		syscall.Kill(pid, syscall.SIGKILL)
		os.RemoveAll(dir)
		t.Fatalf("the server (pid %d) outlived the process that started it", pid)
	}
	removed := CleanStale()
	if _, err := os.Stat(dir); err == nil {
		os.RemoveAll(dir)
		t.Errorf("CleanStale left %s (removed %v)", dir, removed)
	}
}

// TestHelperStartsAndWaits is TestServerDiesWithItsStarter's other
// process: it starts a server, says where, and waits to be killed.
func TestHelperStartsAndWaits(t *testing.T) {
	if os.Getenv("PGTEST_HELPER") == "" {
		t.Skip("run by TestServerDiesWithItsStarter")
	}
	s, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("%s %d\n", s.Dir, s.proc.Process.Pid)
	select {}
}

// TestCleanStaleStopsAnOrphan: a server whose starting process is gone
// but that still runs (its starter stopped by an older pgtest's way, or
// the kernel's signal lost) is stopped and its folder removed; a live
// process's server is left alone.
func TestCleanStaleStopsAnOrphan(t *testing.T) {
	s, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	live, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	defer live.Stop()
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.Dir, ownerFile), []byte(fmt.Sprintf("%d\n", gone.Process.Pid)), 0o644); err != nil {
		t.Fatal(err)
	}
	pid := s.proc.Process.Pid
	CleanStale()
	<-s.done // our child: its exit is seen here
	if !waitGone(pid) {
		t.Errorf("the orphaned server (pid %d) still runs", pid)
	}
	if _, err := os.Stat(s.Dir); err == nil {
		t.Errorf("the orphaned server's folder %s is still there", s.Dir)
	}
	if _, err := os.Stat(live.Dir); err != nil {
		t.Errorf("CleanStale removed a live process's server: %v", err)
	}
	if err := live.Exec("SELECT 1"); err != nil {
		t.Errorf("the live server stopped answering: %v", err)
	}
}

// waitGone waits up to ten seconds for a process to end.
func waitGone(pid int) bool {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if !alive(pid) {
			return true
		}
	}
	return false
}
