package team

import (
	"testing"

	"attache/index"
	"attache/index/librarytest"
)

// TestTeamLibrary holds the team library to the contract every library
// keeps (the local one passes the same suite).
func TestTeamLibrary(t *testing.T) {
	librarytest.Run(t, func(t *testing.T) index.Library { return freshLibrary(t) })
}
