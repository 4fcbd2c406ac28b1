package index

// ReleaseMapped lets go of the pages of the library folder's files (the
// store, the index's segments, the facet file) that this process has
// mapped into its memory by reading them: a long-running process (the
// window) calls it once it has settled. Opening and listing a library
// reads a few small places of each file, and every first read of a page
// maps its neighbourhood with it (the kernel's fault-around, the page
// cache's large folios): at 110,854 passages, 4.7 MB that the window
// would otherwise keep resident while it waits for a search. The pages
// stay in the page cache, and the next read maps them again, at the cost
// of a minor fault. Where the system cannot tell which pages are mapped,
// it does nothing.
func (l *Local) ReleaseMapped() {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.closed {
		return
	}
	releaseMappedFiles(l.dir)
}
