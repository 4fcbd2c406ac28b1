package team

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"attache/index"
	"attache/index/corpus"
	"attache/index/query"
)

// querier is what normalise needs of a connection or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// facetSize is the most values a facet reports, as in the local library.
const facetSize = 100

// Search runs a query: the same syntax and semantics as the local
// library's, parsed and expanded by package query, ranked by the plan's
// tiers then by the text score Bleve gives the local library (see
// textScoreSQL). Total, the page of hits and the facets come from
// one statement, so they agree with each other even while someone
// imports. A query that cannot be understood fails with a *query.Error.
func (l *Library) Search(ctx context.Context, q index.Query) (*index.Results, error) {
	res, err := l.search(ctx, q)
	var lost *lostConnection
	if errors.As(err, &lost) && ctx.Err() == nil {
		// A search only reads: once more, on a connection of its own,
		// when the server ended the one it was given (a restart, an
		// administrator, a dropped network), so that the analyst's next
		// search after a blip just works.
		res, err = l.search(ctx, q)
	}
	if errors.As(err, &lost) {
		err = lost.err
	}
	return res, err
}

// search is one try of Search.
func (l *Library) search(ctx context.Context, q index.Query) (*index.Results, error) {
	pq, err := query.Parse(listingText(q))
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	db, err := l.db()
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = index.DefaultLimit
	}
	if limit > index.MaxLimit {
		limit = index.MaxLimit
	}
	offset := max(q.Offset, 0)

	plan, nm, err := l.plan(ctx, db, pq, q)
	if err != nil {
		return nil, l.searchError(ctx, err)
	}
	var branches []branch
	for _, lang := range planLangs {
		if b := newBranch(plan, lang.Code, nm); b.found {
			branches = append(branches, b)
		}
	}
	res := &index.Results{Query: q.Text, Listing: plan.Listing, Hits: []index.Hit{}, Facets: map[string][]index.FacetCount{}}
	if len(branches) == 0 {
		for _, f := range []string{"doc", "lang", "theme"} {
			res.Facets[f] = []index.FacetCount{}
		}
		return res, nil
	}
	var a args
	sql := searchSQL(plan, branches, &a, limit, offset)
	var total, weak int
	var hitsJSON, docsF, langsF, themesF []byte
	if err := db.QueryRow(ctx, sql, a.values...).Scan(&total, &weak, &hitsJSON, &docsF, &langsF, &themesF); err != nil {
		return nil, l.searchError(ctx, err)
	}
	res.Total, res.Weak = total, weak
	for name, b := range map[string][]byte{"doc": docsF, "lang": langsF, "theme": themesF} {
		fc := []index.FacetCount{}
		if err := json.Unmarshal(b, &fc); err != nil {
			return nil, err
		}
		res.Facets[name] = fc
	}
	var rows []hitRow
	if err := json.Unmarshal(hitsJSON, &rows); err != nil {
		return nil, err
	}
	marks := newMarker(branches)
	for _, r := range rows {
		h := index.Hit{Passage: r.passage(), Score: r.Score, Citation: index.Cite(r.Meta, r.passage())}
		h.Weak = !plan.Listing && query.Tier(r.Tier) == query.TierWeak
		h.Snippet = index.MakeSnippet(h.Text, marks.spans(r.Cfg, h.Text), index.SnippetLength)
		res.Hits = append(res.Hits, h)
	}
	return res, nil
}

// plan parses and expands q into a plan, asking the server, in one round
// trip, for the tsqueries of every wording it holds and for their
// rarities (which the plan weighs expansions with): the plan is made once
// to learn its wordings, then again with their rarities.
func (l *Library) plan(ctx context.Context, db querier, pq *query.Query, q index.Query) (*query.Plan, map[wording]normal, error) {
	opt := query.Options{Langs: planLangs}
	if !q.SameLanguage && l.expander != nil && !pq.Listing() {
		opt.Expander = l.expander
	}
	seen := map[wording]bool{}
	var ws []wording
	need := func(lang, text string, prefix bool) {
		w := wording{cfg: cfgOf(lang), text: text, prefix: prefix}
		if !seen[w] {
			seen[w] = true
			ws = append(ws, w)
		}
	}
	opt.Rarity = func(lang, text string) float64 {
		need(lang, text, false)
		return 1
	}
	first := query.NewPlan(pq, opt)
	for _, c := range first.Clauses {
		for _, a := range c.Alts {
			need(a.Lang, a.Text, a.Prefix)
		}
	}
	for _, r := range first.Runs {
		need(r.Alt.Lang, r.Alt.Text, false)
	}
	nm, err := normalise(ctx, db, ws)
	if err != nil {
		return nil, nil, err
	}
	opt.Rarity = func(lang, text string) float64 {
		if n, ok := nm[wording{cfg: cfgOf(lang), text: text}]; ok {
			return n.rarity
		}
		return 1
	}
	plan := query.NewPlan(pq, opt)
	plan.AddFilter("lang", strings.TrimSpace(q.Lang))
	plan.AddFilter("doc", strings.TrimSpace(q.Doc))
	plan.AddFilter("theme", strings.TrimSpace(q.Theme))
	return plan, nm, nil
}

// searchSQL is the one statement of a search: the candidates of every
// branch, then their total and weak count under the filters, the page of
// hits (with their documents' metadata, for citations) and the facets,
// each counted under the other filters, as JSON.
func searchSQL(plan *query.Plan, branches []branch, a *args, limit, offset int) string {
	// Whether a candidate passes each filter: computed with the
	// candidates, so that each facet can be counted under the others.
	ok := map[string]string{}
	for _, f := range []struct{ name, col, op string }{{"lang", "p.lang", "="}, {"doc", "p.doc_id", "="}, {"theme", "p.themes", "&&"}} {
		var conds []string
		if vs := plan.Filters[f.name]; len(vs) > 0 {
			if f.op == "&&" {
				conds = append(conds, f.col+" && "+a.add(vs)+"::text[]")
			} else {
				conds = append(conds, f.col+" = ANY("+a.add(vs)+"::text[])")
			}
		}
		if vs := plan.Exclude[f.name]; len(vs) > 0 {
			if f.op == "&&" {
				conds = append(conds, "NOT "+f.col+" && "+a.add(vs)+"::text[]")
			} else {
				conds = append(conds, "NOT "+f.col+" = ANY("+a.add(vs)+"::text[])")
			}
		}
		ok[f.name] = "true"
		if len(conds) > 0 {
			ok[f.name] = strings.Join(conds, " AND ")
		}
	}
	flags := "(" + ok["lang"] + ") AS lok, (" + ok["doc"] + ") AS dok, (" + ok["theme"] + ") AS tok"
	parts := make([]string, len(branches))
	for i, b := range branches {
		parts[i] = b.sql(plan, a, flags)
	}
	lim, off := a.add(limit), a.add(offset)
	fs := a.add(facetSize)
	// The page: the text score is costly, so it is computed only for
	// the candidates of the tiers the page can reach (the tiers above which
	// fewer than offset+limit candidates rank), not for the weak matches
	// of a common word under them.
	top := `top AS (SELECT c.id, c.tier, 0::float8 AS score, c.m FROM f c ORDER BY c.doc_id, c.seq LIMIT ` + lim + ` OFFSET ` + off + `)`
	if !plan.Listing {
		var sc scoreColumns
		score := "CASE"
		for _, b := range branches {
			score += " WHEN c.cfg = " + a.add(b.cfg) + "::regconfig THEN " + b.textScoreSQL(plan, &sc, a)
		}
		score += " END"
		top = `tiers AS (SELECT tier, count(*) AS n FROM f GROUP BY tier),
		cut AS (SELECT coalesce(min(tier), 0) AS tier FROM (
			SELECT tier, coalesce(sum(n) OVER (ORDER BY tier DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS above FROM tiers) x
			WHERE above < ` + a.add(offset+limit) + `),
		top AS (SELECT c.id, c.tier, ` + score + ` AS score, c.m
			FROM f c CROSS JOIN LATERAL (SELECT tsv, themes FROM passages WHERE id = c.id OFFSET 0) p
			` + sc.lateralSQL(a) + `
			WHERE c.tier >= (SELECT tier FROM cut)
			ORDER BY c.tier DESC, score DESC, c.doc_id, c.seq LIMIT ` + lim + ` OFFSET ` + off + `)`
	}
	// A candidate that lacks a required term (a quoted phrase, a +word)
	// as typed, having only words of its stems (query.TierNone), is no
	// hit: it is left out of the total and the facets, as the local
	// library leaves it out.
	return `WITH c AS MATERIALIZED (SELECT * FROM (` + strings.Join(parts, "\nUNION ALL\n") + `) u WHERE u.tier >= 0),
		f AS (SELECT * FROM c WHERE lok AND dok AND tok),
		` + top + `
	SELECT
		(SELECT count(*) FROM f),
		(SELECT count(*) FROM f WHERE tier = ` + a.add(int(query.TierWeak)) + `),
		(SELECT coalesce(json_agg(json_build_object(
			'id', p.id, 'doc', p.doc_id, 'lang', p.lang, 'seq', p.seq, 'kind', p.kind, 'locator', p.locator,
			'page', p.page, 'section', p.section, 'notes', p.notes, 'themes', p.themes, 'text', p.text,
			'cfg', p.cfg::text, 'meta', d.meta, 'score', t.score, 'tier', t.tier, 'm', t.m)
			ORDER BY t.tier DESC, t.score DESC, p.doc_id, p.seq), '[]')
			FROM top t JOIN passages p ON p.id = t.id JOIN documents d ON d.id = p.doc_id),
		(SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]')
			FROM (SELECT doc_id AS v, count(*) AS n FROM c WHERE lok AND tok GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ` + fs + `) x),
		(SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]')
			FROM (SELECT lang AS v, count(*) AS n FROM c WHERE dok AND tok GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ` + fs + `) x),
		(SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]')
			FROM (SELECT th AS v, count(*) AS n FROM c, unnest(c.themes) th WHERE lok AND dok GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ` + fs + `) x)`
}

// hitRow is a hit as the search statement returns it.
type hitRow struct {
	ID      string          `json:"id"`
	Doc     string          `json:"doc"`
	Lang    string          `json:"lang"`
	Seq     int             `json:"seq"`
	Kind    string          `json:"kind"`
	Locator string          `json:"locator"`
	Page    int             `json:"page"`
	Section []string        `json:"section"`
	Notes   []corpus.Note   `json:"notes"`
	Themes  []string        `json:"themes"`
	Text    string          `json:"text"`
	Cfg     string          `json:"cfg"`
	Meta    corpus.Meta     `json:"meta"`
	Score   float64         `json:"score"`
	Tier    int             `json:"tier"`
	M       json.RawMessage `json:"m"`
}

// passage is the hit's passage.
func (r hitRow) passage() corpus.Passage {
	p := corpus.Passage{ID: r.ID, DocID: r.Doc, Lang: r.Lang, Seq: r.Seq, Kind: r.Kind, Locator: r.Locator,
		Page: r.Page, Section: r.Section, Notes: r.Notes, Themes: r.Themes, Text: r.Text}
	if len(p.Section) == 0 {
		p.Section = nil
	}
	if len(p.Notes) == 0 {
		p.Notes = nil
	}
	if len(p.Themes) == 0 {
		p.Themes = nil
	}
	return p
}

// searchError keeps a cancelled search's error as ctx's and describes
// the server's.
func (l *Library) searchError(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if connectionLost(err) {
		return &lostConnection{err: l.fail("search", err)}
	}
	return l.fail("search", err)
}

// lostConnection is the error of a search whose connection the server
// ended; err is what to tell the user if trying again fails too.
type lostConnection struct{ err error }

func (e *lostConnection) Error() string { return e.err.Error() }

// connectionLost reports whether err says the connection to the server
// was ended under the statement, rather than the statement failing.
func connectionLost(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return strings.HasPrefix(pgErr.Code, "57P") // admin_shutdown, crash_shutdown, cannot_connect_now
	}
	if pgconn.SafeToRetry(err) {
		return true
	}
	msg := err.Error()
	for _, s := range []string{"terminating connection", "conn closed", "unexpected EOF", "broken pipe", "connection reset"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// listingText is the text to parse for q: its own, or, when blank, its
// filters, so that a query of filters alone lists their passages.
func listingText(q index.Query) string {
	if strings.TrimSpace(q.Text) != "" {
		return q.Text
	}
	var filters []string
	for _, f := range []struct{ name, value string }{{"lang", q.Lang}, {"doc", q.Doc}, {"theme", q.Theme}} {
		if v := strings.TrimSpace(f.value); v != "" {
			filters = append(filters, f.name+":"+v)
		}
	}
	return strings.Join(filters, " ")
}
