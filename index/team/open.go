// Package team is the team library: one library for a whole desk, kept in
// a PostgreSQL database and searched with PostgreSQL's full-text search,
// behind the same index.Library interface as the local library in a folder.
//
// Passages are rows with their language's text search configuration
// (english, italian, simple), a tsvector made with it and a GIN index over
// it; queries are parsed and expanded by package index/query, exactly as
// for the local library, and translated into tsquery: words, phrases
// (<->), prefixes (:*), +required and -excluded terms, filters, facets,
// highlights and themes work alike. Every change is one transaction;
// every statement takes its values as parameters.
package team

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"attache/index"
)

// ConnectTimeout is how long Open waits for the server when the URL does
// not say (connect_timeout=N).
const ConnectTimeout = 5 * time.Second

// IsURL reports whether a --library value names a team library: a
// postgres:// or postgresql:// URL, as libpq takes them.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Config says which team library to open and how to search it.
type Config struct {
	// URL is the database's address, postgres://user@host/db?sslmode=…
	// in any form libpq takes (host=/socket/dir, several hosts, service).
	// A password may be in it, but better comes from ~/.pgpass,
	// PGPASSFILE or PGPASSWORD, as for every libpq client.
	URL string
	// Expander gives the cross-language equivalents of query words unless
	// a query asks for SameLanguage. Nil means the bilingual glossary of
	// package themes; NoExpansion turns expansion off.
	Expander    Expander
	NoExpansion bool
	// MaxConns bounds the connections the library keeps open (default 8).
	MaxConns int32
}

// Library is a team library on a PostgreSQL server. It is safe for
// concurrent use, by goroutines and by other processes on other machines.
type Library struct {
	pool     *pgxpool.Pool
	name     string // the URL without its password
	expander Expander

	mu sync.Mutex
	// seen holds the version of each document's row as this client last
	// read it: Edit changes a document only if nobody changed it since.
	seen map[string]int64

	tagging tagging
}

var _ index.Library = (*Library)(nil)

// ErrNoSchema is wrapped by Open's error when the database has no team
// library yet.
var ErrNoSchema = errors.New("no team library in this database")

// Open connects to a team library made by Init. It fails within the
// connect timeout (5 s unless the URL says otherwise) with a one-line error
// that never shows the password.
func Open(ctx context.Context, cfg Config) (*Library, error) {
	pool, name, err := connect(ctx, cfg)
	if err != nil {
		return nil, err
	}
	l := &Library{pool: pool, name: name, seen: map[string]int64{}, expander: cfg.Expander}
	if l.expander == nil && !cfg.NoExpansion {
		l.expander = defaultExpander()
	}
	var v int
	err = pool.QueryRow(ctx, `SELECT schema_version FROM attache_library`).Scan(&v)
	var pgErr *pgconn.PgError
	switch {
	case errors.As(err, &pgErr) && pgErr.Code == "42P01":
		pool.Close()
		return nil, fmt.Errorf("team library %s: %w: run 'attache library init URL' first", name, ErrNoSchema)
	case err != nil:
		pool.Close()
		return nil, describe(name, err)
	case v != schemaVersion:
		pool.Close()
		return nil, fmt.Errorf("team library %s has schema version %d; this Attaché knows version %d", name, v, schemaVersion)
	}
	return l, nil
}

// connect opens a pool of connections and checks that one answers.
func connect(ctx context.Context, cfg Config) (*pgxpool.Pool, string, error) {
	name := Redact(cfg.URL)
	if !IsURL(cfg.URL) {
		return nil, name, fmt.Errorf("team library %q: not a postgres:// or postgresql:// URL", name)
	}
	pc, err := pgxpool.ParseConfig(cfg.URL)
	if err != nil {
		return nil, name, fmt.Errorf("team library %s: the URL cannot be read: %s", name, redactText(cfg.URL, err.Error()))
	}
	if pc.ConnConfig.ConnectTimeout == 0 {
		pc.ConnConfig.ConnectTimeout = ConnectTimeout
	}
	pc.MaxConns = 8
	if cfg.MaxConns > 0 {
		pc.MaxConns = cfg.MaxConns
	}
	if pc.ConnConfig.RuntimeParams == nil {
		pc.ConnConfig.RuntimeParams = map[string]string{}
	}
	pc.ConnConfig.RuntimeParams["application_name"] = "attache"
	// A search is one short statement: starting parallel workers for it
	// costs more than it saves (40 ms against a 0.3 ms scan, measured on
	// 110k passages), so a session of Attaché runs its statements alone.
	// The same for JIT compilation, which starts on large libraries'
	// estimates and costs tens of milliseconds per statement.
	for k, v := range map[string]string{"max_parallel_workers_per_gather": "0", "jit": "off"} {
		if _, ok := pc.ConnConfig.RuntimeParams[k]; !ok {
			pc.ConnConfig.RuntimeParams[k] = v
		}
	}
	wait, cancel := context.WithTimeout(ctx, pc.ConnConfig.ConnectTimeout+time.Second)
	defer cancel()
	pool, err := pgxpool.NewWithConfig(wait, pc)
	if err != nil {
		return nil, name, describe(name, err)
	}
	if err := pool.Ping(wait); err != nil {
		pool.Close()
		return nil, name, describe(name, err)
	}
	return pool, name, nil
}

// Name is the library's URL without its password, to show which library
// is open.
func (l *Library) Name() string { return l.name }

// Close closes the library's connections. Using it afterwards is an error.
func (l *Library) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.pool != nil {
		l.pool.Close()
		l.pool = nil
	}
	return nil
}

// db returns the pool, or index.ErrClosed after Close.
func (l *Library) db() (*pgxpool.Pool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.pool == nil {
		return nil, index.ErrClosed
	}
	return l.pool, nil
}

// Redact returns a library URL without its password (in the user part or
// as a password= parameter), fit to show and to log.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" {
		if i := strings.Index(raw, "@"); i >= 0 {
			if j := strings.Index(raw, "://"); j >= 0 && j < i {
				return raw[:j+3] + "…" + raw[i:]
			}
		}
		return raw
	}
	if u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	s := u.String()
	return strings.ReplaceAll(s, "xxxxx", "…")
}

// redactText takes the URL's password out of a message that may quote it.
func redactText(raw, msg string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return msg
	}
	if u.User != nil {
		if p, ok := u.User.Password(); ok && p != "" {
			msg = strings.ReplaceAll(msg, p, "…")
			msg = strings.ReplaceAll(msg, url.PathEscape(p), "…")
		}
	}
	if p := u.Query().Get("password"); p != "" {
		msg = strings.ReplaceAll(msg, p, "…")
	}
	return strings.ReplaceAll(msg, raw, Redact(raw))
}

// describe turns a connection or server error into one line naming the
// library, for a user.
func describe(name string, err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "28P01", "28000":
			return fmt.Errorf("team library %s: the server refused the user name or password (%s)", name, pgErr.Message)
		case "3D000":
			return fmt.Errorf("team library %s: %s on the server", name, pgErr.Message)
		case "57P01", "57P02", "57P03":
			return fmt.Errorf("team library %s: the server ended the connection (it is shutting down or restarting)", name)
		case "42501":
			return fmt.Errorf("team library %s: permission denied: %s", name, pgErr.Message)
		}
		return fmt.Errorf("team library %s: %s", name, pgErr.Message)
	}
	msg := err.Error()
	switch {
	case errors.Is(err, context.DeadlineExceeded) || strings.Contains(msg, "timeout"):
		return fmt.Errorf("team library %s: the server did not answer in time: is it running and reachable?", name)
	case strings.Contains(msg, "connection refused") || strings.Contains(msg, "no such file or directory"):
		return fmt.Errorf("team library %s: no server answers there: is it running?", name)
	case strings.Contains(msg, "no such host"):
		return fmt.Errorf("team library %s: unknown host", name)
	case strings.Contains(msg, "certificate") || strings.Contains(msg, "tls"):
		return fmt.Errorf("team library %s: secure connection failed: %s", name, lastPart(msg))
	case strings.Contains(msg, "password"):
		return fmt.Errorf("team library %s: the server asks for a password: put it in ~/.pgpass or PGPASSWORD", name)
	}
	return fmt.Errorf("team library %s: %s", name, lastPart(msg))
}

// lastPart keeps the end of a chained error message (pgx's "failed to
// connect to …: …: cause"), on one line.
func lastPart(msg string) string {
	msg = strings.ReplaceAll(msg, "\n", " ")
	parts := strings.Split(msg, ": ")
	if len(parts) > 2 {
		parts = parts[len(parts)-2:]
	}
	return strings.Join(parts, ": ")
}

// Label is a short name for the library at a URL, to show which library
// is open: user@host/database, the host being the socket folder when
// that is where the server is; never the password.
func Label(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || !IsURL(raw) {
		return Redact(raw)
	}
	q := u.Query()
	host := u.Host
	if host == "" {
		host = q.Get("host")
		if p := q.Get("port"); p != "" && host != "" && !strings.HasPrefix(host, "/") {
			host += ":" + p
		}
	}
	user := q.Get("user")
	if u.User != nil && u.User.Username() != "" {
		user = u.User.Username()
	}
	db := strings.TrimPrefix(u.Path, "/")
	if db == "" {
		db = q.Get("dbname")
	}
	s := host + "/" + db
	if user != "" {
		s = user + "@" + s
	}
	return s
}
