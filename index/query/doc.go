// Package query is Attaché's query language, shared by every search engine
// behind the library (the embedded Bleve index, the PostgreSQL team
// library): its parser and syntax tree (Parse, Query, Term), its errors
// (Error), and the engine-neutral expansion plan (NewPlan, Plan) that says
// what to look for in which language, with what weight, and how a hit's
// matches rank it (Plan.Tier). An engine translates a Plan into its own
// queries; it never reads the typed text again.
//
// # The language, as typed
//
//	cavi sottomarini      words: a passage matching any of them is found, and
//	                      passages matching more of them rank higher
//	"diritti umani"       a phrase: the words next to each other, in order
//	+cable -robot         +required: every hit has it; -excluded: no hit has it
//	+"undersea cables"    signs work on phrases too
//	cyber*                a prefix: words starting with "cyber" (at least 2 letters)
//	lang:it doc:ID theme:ID
//	                      filters; several values of one filter widen it
//	                      (lang:en lang:it), different filters narrow each
//	                      other, and -doc:ID leaves a document out; a query
//	                      of filters alone lists the passages they let
//	                      through, document by document in reading order
//
// # The plan
//
// A Plan has one Clause per term of the query, in the order typed. A clause
// is satisfied by any of its Alternatives (Alt): a wording to match in one
// language's text, analysed by that language's analyzer (stemmed, stop words
// left out), as a word, a phrase (its words in order, inflections allowed:
// "cavo sottomarino" matches "cavi sottomarini") or a prefix, with a weight.
// The engine ANDs the Must clauses, ORs the Should clauses, excludes the
// MustNot clauses, and applies Filters and Exclude to the keyword fields.
//
//   - Every clause has its Literal alternative in every language of
//     Options.Langs, weight 1: the term exactly as typed.
//   - A plain word also has its glossary equivalents (its translations, and
//     its synonyms) in each language that expands, weighted ExpansionWeight
//     times the wording's rarity in the library (Options.Rarity): a rare,
//     specific equivalent counts almost as much as the word, a common one
//     ("sicurezza" for "security") little.
//   - A quoted phrase keeps to the phrase contract: its alternatives are the
//     phrase itself in every language, and, in the other language only, the
//     wordings of glossary entries that are the WHOLE phrase
//     (PhraseEquivalentWeight): never the equivalents of its single words,
//     never same-language synonyms. So "digital divide" finds "divario
//     digitale" and never a passage holding only "digitale".
//   - A quoted phrase is required, signed + or not: a hit holds every
//     phrase of the query (or a whole-phrase equivalent of it), and the
//     plain words around it rank the hits.
//   - A prefix and an excluded term have only their literal alternatives.
//   - Runs of two or more plain words that form a glossary term ("artificial
//     intelligence") add optional RunPhrase clauses with that term's
//     wordings; a match covers every clause of the run.
//   - Themes are the themes the query's words name. An engine may use them
//     only to reorder hits of comparable text relevance (ThemeFactor),
//     never to lift a hit into a better tier.
//
// # Ranking tiers
//
// The engine tells Plan.Tier how each clause matched a hit (Literally in the
// passage's text, ByExpansion, InContext for a list item's lead-in and
// heading, or not at all) and ranks by tier first, then by its own text
// score (times ThemeFactor): a passage holding every term as typed
// (TierLiteral) above one covering them all through expansions or context
// (TierCovered), above one matching some of them (TierPartial), above a weak
// match, one common word of several (TierWeak), which the window counts
// apart ("also: 40 weaker matches").
package query
