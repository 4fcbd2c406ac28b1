// Package pgtest runs a throwaway PostgreSQL server for tests and
// benchmarks: initdb into a fresh temporary folder, the server listening on
// a Unix socket inside it (and, for TLS tests, on a local TCP port), as a
// user that is not root, stopped and removed at the end. It assumes the
// PostgreSQL server binaries are installed (Debian's postgresql package)
// and needs no server already running.
//
// The server is a child of the process that started it and dies with it:
// a test binary killed mid-run (a timeout, kill -9) takes its server
// along (the kernel sends the server SIGQUIT, its immediate shutdown),
// and Start first removes what such a process left behind: the folders
// of throwaway servers whose starting process is gone, stopping their
// server if one still runs.
package pgtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// Passwords of the roles a Server creates. They are a test server's, on a
// socket only this machine's users reach, and the server is removed after.
const (
	// AdminPassword is the password of the superuser "postgres".
	AdminPassword = "throwaway-admin"
	// DeskPassword is the password of the role "desk", which is no
	// superuser and owns the database "desk".
	DeskPassword = "throwaway-desk"
)

// Server is a running throwaway PostgreSQL server.
type Server struct {
	// Dir holds the data folder and the socket; it is removed by Stop.
	Dir string
	// Socket is the folder of the Unix socket.
	Socket string
	// Port is the TCP port on 127.0.0.1 (with TLS on) and the socket's
	// number.
	Port int
	// CACert is the file of the certificate authority that signed the
	// server's certificate (for sslmode=verify-full).
	CACert string
	bin    string
	runAs  []string // the command prefix that runs a program as the server's user
	cred   *syscall.Credential
	data   string
	proc   *exec.Cmd
	done   chan struct{} // closed when proc has exited
}

// Bin finds the folder of the PostgreSQL server programs: $PG_BIN, the
// newest /usr/lib/postgresql/N/bin, or the folder of initdb on $PATH.
func Bin() (string, error) {
	if d := os.Getenv("PG_BIN"); d != "" {
		return d, nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("postgresql server programs not found: install Debian's postgresql package (scripts/deps.sh does) or set PG_BIN")
}

// version reads N from /usr/lib/postgresql/N/bin.
func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

// Start creates and starts a server. Call Stop when done.
func Start() (*Server, error) {
	bin, err := Bin()
	if err != nil {
		return nil, err
	}
	CleanStale()
	dir, err := os.MkdirTemp("", dirPattern)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	s := &Server{Dir: dir, Socket: dir, bin: bin, data: filepath.Join(dir, "data")}
	if err := s.start(); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

func (s *Server) start() error {
	uid, gid := -1, -1
	if os.Geteuid() == 0 {
		// initdb refuses to run as root: run the server as postgres,
		// which Debian's package creates.
		u, err := user.Lookup("postgres")
		if err != nil {
			return fmt.Errorf("running as root needs the user postgres to run the test server: %v", err)
		}
		uid, _ = strconv.Atoi(u.Uid)
		gid, _ = strconv.Atoi(u.Gid)
		s.runAs = []string{"runuser", "-u", "postgres", "--"}
		s.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(s.Dir, uid, gid); err != nil {
			return err
		}
	}
	pwfile := filepath.Join(s.Dir, "pw")
	if err := os.WriteFile(pwfile, []byte(AdminPassword+"\n"), 0o600); err != nil {
		return err
	}
	if uid >= 0 {
		os.Chown(pwfile, uid, gid)
	}
	if out, err := s.run("initdb", "-D", s.data, "-U", "postgres", "--pwfile", pwfile,
		"--auth", "scram-sha-256", "--no-sync", "--no-instructions", "-E", "UTF8", "--locale", "C.UTF-8"); err != nil {
		return fmt.Errorf("initdb: %v: %s", err, lastLines(out))
	}
	os.Remove(pwfile)

	port, err := freePort()
	if err != nil {
		return err
	}
	s.Port = port
	if err := s.writeCerts(uid, gid); err != nil {
		return fmt.Errorf("test certificates: %v", err)
	}
	conf := fmt.Sprintf(`
listen_addresses = '127.0.0.1'
port = %d
unix_socket_directories = '%s'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 60
shared_buffers = 64MB
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
`, port, s.Socket)
	f, err := os.OpenFile(filepath.Join(s.data, "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	f.WriteString(conf)
	f.Close()
	hba := "local all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n"
	if err := os.WriteFile(filepath.Join(s.data, "pg_hba.conf"), []byte(hba), 0o600); err != nil {
		return err
	}
	if uid >= 0 {
		os.Chown(filepath.Join(s.data, "pg_hba.conf"), uid, gid)
	}
	if err := s.startServer(); err != nil {
		return err
	}
	return s.exec("postgres", AdminPassword,
		"CREATE ROLE desk LOGIN PASSWORD '"+DeskPassword+"'",
		"CREATE DATABASE desk OWNER desk")
}

// run runs one of the server's programs as the server's user.
func (s *Server) run(prog string, args ...string) ([]byte, error) {
	argv := append(append(append([]string{}, s.runAs...), filepath.Join(s.bin, prog)), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = s.Dir
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	return cmd.CombinedOutput()
}

// exec runs SQL statements as role on database postgres, over the socket.
func (s *Server) exec(role, password string, stmts ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.URL(role, password, "postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	for _, st := range stmts {
		if _, err := conn.Exec(ctx, st); err != nil {
			return fmt.Errorf("%s: %v", st, err)
		}
	}
	return nil
}

// Exec runs SQL statements as the superuser on database postgres (to make
// more roles or databases in a test).
func (s *Server) Exec(stmts ...string) error { return s.exec("postgres", AdminPassword, stmts...) }

// URL is the address of database db for role on the socket, with the
// password in it when password is not empty.
func (s *Server) URL(role, password, db string) string {
	u := url.URL{Scheme: "postgres", Path: "/" + db}
	if password != "" {
		u.User = url.UserPassword(role, password)
	} else {
		u.User = url.User(role)
	}
	q := url.Values{}
	q.Set("host", s.Socket)
	q.Set("port", strconv.Itoa(s.Port))
	q.Set("sslmode", "disable")
	u.RawQuery = q.Encode()
	return u.String()
}

// DeskURL is the address of the database "desk" for the role "desk", the
// one tests use as a team library.
func (s *Server) DeskURL() string { return s.URL("desk", DeskPassword, "desk") }

// TCPURL is the address of database db for role over TCP on 127.0.0.1 with
// the given sslmode (and the test CA for the verify modes).
func (s *Server) TCPURL(role, password, db, sslmode string) string {
	u := url.URL{Scheme: "postgresql", Host: "localhost:" + strconv.Itoa(s.Port), Path: "/" + db,
		User: url.UserPassword(role, password)}
	q := url.Values{}
	q.Set("sslmode", sslmode)
	if strings.HasPrefix(sslmode, "verify") {
		q.Set("sslrootcert", s.CACert)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// startServer runs postgres on the data folder as a child of this
// process that gets SIGQUIT (an immediate shutdown) when this process
// dies, in a process group of its own (so that a Ctrl-C meant for the
// command beside it does not stop it first), and waits until it accepts
// connections.
func (s *Server) startServer() error {
	logPath := filepath.Join(s.Dir, "server.log")
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer logf.Close()
	cmd := exec.Command(filepath.Join(s.bin, "postgres"), "-D", s.data)
	cmd.Dir = s.Dir
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGQUIT, Setpgid: true, Credential: s.cred}
	// The kernel sends Pdeathsig when the thread that started the child
	// ends, not only the process: the goroutine that starts it keeps its
	// thread to itself until the server has exited, so that the Go
	// runtime never ends that thread under a running server.
	started := make(chan error, 1)
	done := make(chan struct{})
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		cmd.Wait()
		close(done)
	}()
	if err := <-started; err != nil {
		return fmt.Errorf("starting postgres: %v", err)
	}
	s.proc, s.done = cmd, done
	deadline := time.Now().Add(60 * time.Second)
	for {
		select {
		case <-done:
			log, _ := os.ReadFile(logPath)
			return fmt.Errorf("postgres stopped at start: %s", lastLines(log))
		default:
		}
		if ready(s.data) {
			return nil
		}
		if time.Now().After(deadline) {
			s.halt()
			log, _ := os.ReadFile(logPath)
			return fmt.Errorf("postgres did not start within a minute: %s", lastLines(log))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// ready reports whether the server of a data folder says, in its
// postmaster.pid, that it accepts connections (what pg_ctl -w waits for).
func ready(data string) bool {
	b, err := os.ReadFile(filepath.Join(data, "postmaster.pid"))
	if err != nil {
		return false
	}
	lines := strings.Split(string(b), "\n")
	return len(lines) >= 8 && strings.TrimSpace(lines[7]) == "ready"
}

// halt stops the server at once (SIGQUIT, then SIGKILL after ten
// seconds) and waits for it.
func (s *Server) halt() {
	if s.proc == nil {
		return
	}
	s.proc.Process.Signal(syscall.SIGQUIT)
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		s.proc.Process.Kill()
		<-s.done
	}
	s.proc = nil
}

// Stop stops the server and removes its folder.
func (s *Server) Stop() {
	s.halt()
	os.RemoveAll(s.Dir)
}

// Kill stops the server at once, as a crash or a pulled cable would, and
// keeps its folder; Restart starts it again.
func (s *Server) Kill() error {
	if s.proc == nil {
		return errors.New("the server is not running")
	}
	s.halt()
	return nil
}

// Restart starts a server stopped with Kill.
func (s *Server) Restart() error {
	if s.proc != nil {
		return errors.New("the server is running")
	}
	return s.startServer()
}

// The folders of throwaway servers: os.TempDir()/attache-pg-*, each with
// the file owner holding the process ID of the process that started it.
const (
	dirPattern = "attache-pg-"
	ownerFile  = "owner"
)

// CleanStale removes the folders of throwaway servers whose starting
// process is gone (a test binary killed before it could stop its server),
// stopping the server first if it still runs; it returns the folders
// removed. Folders of live processes are left alone, and so are those
// without an owner file (made by an older pgtest, or being made), unless
// no server runs there and they are a day old.
func CleanStale() []string {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), dirPattern+"*"))
	var removed []string
	for _, dir := range dirs {
		pm := postmasterPID(filepath.Join(dir, "data"))
		b, err := os.ReadFile(filepath.Join(dir, ownerFile))
		if err != nil {
			fi, serr := os.Stat(dir)
			if pm == 0 && serr == nil && time.Since(fi.ModTime()) > 24*time.Hour {
				os.RemoveAll(dir)
				removed = append(removed, dir)
			}
			continue
		}
		owner, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || owner <= 0 || alive(owner) {
			continue
		}
		if pm > 0 {
			stopPID(pm)
		}
		os.RemoveAll(dir)
		removed = append(removed, dir)
	}
	return removed
}

// postmasterPID is the process ID of the server running on a data
// folder, or 0 when none runs.
func postmasterPID(data string) int {
	b, err := os.ReadFile(filepath.Join(data, "postmaster.pid"))
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil || pid <= 0 || !alive(pid) {
		return 0
	}
	return pid
}

// alive reports whether a process exists.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// stopPID stops a server that is not our child: SIGQUIT, then SIGKILL if
// it is still there after ten seconds.
func stopPID(pid int) {
	syscall.Kill(pid, syscall.SIGQUIT)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if !alive(pid) {
			return
		}
	}
	syscall.Kill(pid, syscall.SIGKILL)
}

// freePort asks the system for a free TCP port on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// lastLines keeps the end of a program's output for an error message.
func lastLines(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) > 600 {
		b = b[len(b)-600:]
	}
	return strings.ReplaceAll(string(b), "\n", " | ")
}
