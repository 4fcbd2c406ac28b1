package app

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"attache/briefing"
)

// autosaveEvery is how long changes wait before the autosave copy is
// written.
const autosaveEvery = 30 * time.Second

// Each window keeps its autosave copy in the app's storage, shared by every
// run of Attaché, as autosave-PID-TOKEN.brief, beside autosave-PID-TOKEN.json
// (an autosaveInfo) saying which run wrote it and whose brief it is. A copy
// is offered back only once the run that wrote it has ended.
const (
	autosavePrefix = "autosave-"
	// autosaveInfoExt ends the name of a copy's autosaveInfo.
	autosaveInfoExt = ".json"
	// legacyAutosaveName is the one copy of Attaché before copies were
	// kept per run, with its brief's path in the preferences under
	// prefLegacyAutosavePath. It is offered back like a copy of a run that
	// ended.
	legacyAutosaveName     = "autosave.brief"
	prefLegacyAutosavePath = "autosave.path"
)

// autosaveInfo is the JSON file beside an autosave copy.
type autosaveInfo struct {
	// PID and Start are the process that wrote the copy and when it
	// started (Start may be "").
	PID   int    `json:"pid"`
	Start string `json:"start,omitempty"`
	// Path is the brief's file ("" for a brief not saved yet).
	Path string `json:"path"`
	// Known is the SHA-256, in hex, of the brief's file as the window
	// last read or wrote it, so that a save after restoring still asks
	// if the file was changed since.
	Known string `json:"known,omitempty"`
}

// autosaveCopy is an autosave copy found in the app's storage.
type autosaveCopy struct {
	file  string
	info  autosaveInfo
	saved time.Time
	// legacy says the copy is the one file of an older Attaché.
	legacy bool
}

// autosaveDir is the app's storage folder, where autosave copies are kept.
func (u *ui) autosaveDir() string { return u.app.Storage().RootURI().Path() }

// autosavePath is this window's autosave copy.
func (u *ui) autosavePath() string {
	s := u.files()
	return filepath.Join(u.autosaveDir(), fmt.Sprintf("%s%d-%d%s", autosavePrefix, s.pid, s.token, briefing.Extension))
}

// infoPath is the autosaveInfo file beside the autosave copy at file.
func infoPath(file string) string {
	return strings.TrimSuffix(file, briefing.Extension) + autosaveInfoExt
}

// scheduleAutosave writes the autosave copy autosaveEvery after the first
// unsaved change.
func (u *ui) scheduleAutosave() {
	if u.autosavePending || u.autosaveDelay <= 0 {
		return
	}
	u.autosavePending = true
	time.AfterFunc(u.autosaveDelay, func() { fyne.Do(u.autosave) })
}

// autosave writes the unsaved brief to this window's autosave copy, with
// its autosaveInfo. A copy left by another run is never written over, so
// that the window's work is kept even while the offer to restore such a
// copy awaits an answer.
func (u *ui) autosave() {
	u.autosavePending = false
	if u.ed == nil {
		return
	}
	if !u.ed.Dirty() {
		// the changes were undone back to the file: an older copy would
		// be offered back after the next start as unsaved work
		u.removeAutosave()
		return
	}
	if err := u.writeAutosave(); err != nil {
		fyne.LogError("autosave", err)
	}
}

// writeAutosave writes this window's autosave copy and its autosaveInfo.
func (u *ui) writeAutosave() error {
	p := u.autosavePath()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	s := u.files()
	info := autosaveInfo{PID: s.pid, Start: s.start, Path: u.path}
	if s.known != nil {
		info.Known = hex.EncodeToString(s.known)
	}
	data, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return err
	}
	// The info first: a copy is found by its .brief file, so a crash in
	// between leaves no copy without its info.
	if err := briefing.WriteFileAtomic(infoPath(p), func(w io.Writer) error {
		_, err := w.Write(append(data, '\n'))
		return err
	}); err != nil {
		return err
	}
	return briefing.Save(p, u.ed.Brief())
}

// removeAutosave deletes this window's autosave copy: the brief is saved
// or its changes were given up. Other runs' copies stay.
func (u *ui) removeAutosave() {
	p := u.autosavePath()
	os.Remove(p)
	os.Remove(infoPath(p))
}

// removeCopy deletes another run's autosave copy, answered.
func (u *ui) removeCopy(c *autosaveCopy) {
	os.Remove(c.file)
	if c.legacy {
		u.app.Preferences().RemoveValue(prefLegacyAutosavePath)
		return
	}
	os.Remove(infoPath(c.file))
}

// staleCopies lists the autosave copies of runs that have ended, newest
// first. This window's own copy, and the copies of runs still going, are
// left out: those runs still have their work open.
func (u *ui) staleCopies() []autosaveCopy {
	dir := u.autosaveDir()
	own := u.autosavePath()
	var list []autosaveCopy
	if st, err := os.Stat(filepath.Join(dir, legacyAutosaveName)); err == nil && st.Mode().IsRegular() {
		list = append(list, autosaveCopy{
			file:   filepath.Join(dir, legacyAutosaveName),
			info:   autosaveInfo{Path: u.app.Preferences().String(prefLegacyAutosavePath)},
			saved:  st.ModTime(),
			legacy: true,
		})
	}
	names, _ := filepath.Glob(filepath.Join(dir, autosavePrefix+"*"+briefing.Extension))
	for _, file := range names {
		if file == own {
			continue
		}
		st, err := os.Stat(file)
		if err != nil || !st.Mode().IsRegular() {
			continue
		}
		c := autosaveCopy{file: file, saved: st.ModTime()}
		if data, err := os.ReadFile(infoPath(file)); err == nil {
			json.Unmarshal(data, &c.info)
		}
		if c.info.PID == 0 {
			// no info: the process ID is in the name
			c.info.PID = namePID(filepath.Base(file))
		}
		if processAlive(c.info.PID, c.info.Start) {
			continue
		}
		list = append(list, c)
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].saved.After(list[j].saved) })
	return list
}

// namePID is the process ID in an autosave copy's name
// (autosave-PID-TOKEN.brief), or 0.
func namePID(name string) int {
	rest := strings.TrimPrefix(name, autosavePrefix)
	pid, _, _ := strings.Cut(rest, "-")
	n, err := strconv.Atoi(pid)
	if err != nil {
		return 0
	}
	return n
}

// start opens the brief named on the command line, or else the one the
// last run had open, and offers back the autosave copy of a run that did
// not end cleanly. With a brief, the offer comes once it has opened, so
// that the restored copy is not replaced by it. With neither a brief nor a
// copy (the first start), it shows the start view.
func (u *ui) start(brief string) {
	if brief == "" {
		brief = u.lastBrief()
	}
	if brief == "" {
		if !u.offerRestore() {
			u.showStart()
		}
		return
	}
	u.openPathThen(brief, func() { u.offerRestore() })
}

// offerRestore asks whether to restore the newest autosave copy left by a
// run that did not end cleanly; older copies are kept, and offered once
// this one is discarded (or at the next start). It reports whether there
// was one.
func (u *ui) offerRestore() bool {
	copies := u.staleCopies()
	if len(copies) == 0 {
		return false
	}
	c := copies[0]
	name := lang.L("an untitled brief")
	if c.info.Path != "" {
		name = filepath.Base(c.info.Path)
	}
	msg := lang.L("Attaché closed without saving {{.Name}}. Restore the copy saved at {{.Time}}?", map[string]any{"Name": name, "Time": c.saved.Format(lang.L("15:04 on 2 Jan"))})
	if n := len(copies) - 1; n == 1 {
		msg += lang.L("\n1 older unsaved copy is kept for later.")
	} else if n > 1 {
		msg += fmt.Sprintf(lang.L("\n%d older unsaved copies are kept for later."), n)
	}
	u.files().offered = &c
	u.restoreOffered = true
	// Each answer says what it does ("No" would not tell that the copy is
	// lost); closing the question without an answer keeps the copy, to be
	// offered again at the next start.
	u.askQuestion(lang.L("Restore unsaved brief"), msg, lang.L("Restore"), lang.L("Discard"), func(ok bool) {
		u.restoreOffered = false
		if !ok {
			u.files().offered = nil
			u.removeCopy(&c)
			// the next older copy, if any, gets its own question
			u.offerRestore()
			return
		}
		// the brief on show may have changes of its own: ask first
		u.confirmDiscard(lang.L("Restore unsaved brief"), u.restoreAutosave)
	}, func() {
		u.restoreOffered = false
		u.files().offered = nil
	})
	return true
}

// restoreAutosave opens the autosave copy being offered as unsaved
// changes to its brief. The copy is then this window's own: it is written
// as this window's autosave copy before the other run's copy goes.
func (u *ui) restoreAutosave() {
	c := u.files().offered
	if c == nil {
		return
	}
	b, err := briefing.Load(c.file)
	if err != nil {
		u.showError(err)
		return
	}
	u.files().offered = nil
	u.setBrief(b, c.info.Path)
	if known, err := hex.DecodeString(c.info.Known); err == nil && len(known) > 0 {
		u.files().known = known
	}
	// The restored text is not in the brief's file yet.
	u.ed.MarkDirty()
	if err := u.writeAutosave(); err != nil {
		fyne.LogError("autosave", err)
		return
	}
	u.removeCopy(c)
}
