package query

import "fmt"

// Error is a query that cannot be understood. Its message is one line,
// lower case, saying what is wrong, fit to show a user as it is.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

func errorf(format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf(format, args...)}
}
