package app

import (
	"os"
	"testing"
)

// TestProcessAlive checks the check behind the offers: this process runs,
// one that ended does not, nor this process's ID with another start.
func TestProcessAlive(t *testing.T) {
	me := os.Getpid()
	if !processAlive(me, processStart(me)) {
		t.Error("this process is not alive")
	}
	if processAlive(deadPID(t), "") {
		t.Error("an ended process is alive")
	}
	if start := processStart(me); start != "" && processAlive(me, start+"0") {
		t.Error("a process with this ID but another start is alive")
	}
	if processAlive(0, "") || processAlive(-1, "") {
		t.Error("no process is alive")
	}
}
