/**
 * Forward-only schema migrations. Each entry runs once, in order; every entry a file has not had
 * yet runs inside one IMMEDIATE transaction (database.ts), and `PRAGMA user_version` records how
 * far a database has come. Never edit a shipped entry: add one, and keep an index from the version
 * before it (scripts/make-schema-fixture.ts) for the upgrade tests.
 */
export const migrations: readonly string[] = [
  // 1: roots, files, documents and per-page text with its full-text index.
  `
  CREATE TABLE roots (
    id            INTEGER PRIMARY KEY,
    path          TEXT NOT NULL UNIQUE,
    label         TEXT NOT NULL,
    added_at      TEXT NOT NULL,
    last_scan_at  TEXT,
    state         TEXT NOT NULL DEFAULT 'online' CHECK (state IN ('online', 'offline'))
  );

  -- A document is a distinct content (SHA-256); files at any number of paths point at it.
  CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT NOT NULL UNIQUE,
    format        TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('indexed', 'unsupported', 'failed')),
    reason        TEXT,
    detail        TEXT,
    title         TEXT,
    author        TEXT,
    created       TEXT,
    modified      TEXT,
    page_count    INTEGER NOT NULL DEFAULT 0,
    text_chars    INTEGER NOT NULL DEFAULT 0,
    extracted_at  TEXT NOT NULL
  );

  CREATE TABLE files (
    id            INTEGER PRIMARY KEY,
    root_id       INTEGER NOT NULL REFERENCES roots(id) ON DELETE CASCADE,
    path          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    ext           TEXT NOT NULL,
    size          INTEGER NOT NULL,
    mtime_ms      INTEGER NOT NULL,
    document_id   INTEGER REFERENCES documents(id),
    -- a file we could not even read (locked, permission) has no document yet
    status        TEXT NOT NULL CHECK (status IN ('indexed', 'unsupported', 'failed')),
    reason        TEXT,
    detail        TEXT,
    missing       INTEGER NOT NULL DEFAULT 0,
    seen_scan     INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT NOT NULL
  );
  CREATE INDEX files_root ON files(root_id, missing);
  CREATE INDEX files_document ON files(document_id);

  CREATE TABLE pages (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    label         TEXT NOT NULL,
    -- the document's title and file names, repeated per page so bm25 can weight them above the body
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    UNIQUE (document_id, number)
  );

  CREATE VIRTUAL TABLE pages_fts USING fts5(
    title, body,
    content = 'pages', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
  );
  -- External content: these triggers keep the index in step with the pages table.
  CREATE TRIGGER pages_ai AFTER INSERT ON pages BEGIN
    INSERT INTO pages_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
  END;
  CREATE TRIGGER pages_ad AFTER DELETE ON pages BEGIN
    INSERT INTO pages_fts(pages_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  END;
  CREATE TRIGGER pages_au AFTER UPDATE ON pages BEGIN
    INSERT INTO pages_fts(pages_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO pages_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
  END;

  CREATE TABLE scans (
    id            INTEGER PRIMARY KEY,
    root_id       INTEGER NOT NULL REFERENCES roots(id) ON DELETE CASCADE,
    started_at    TEXT NOT NULL,
    finished_at   TEXT,
    outcome       TEXT
  );
  `,

  // 2: matching inside words and in scripts written without spaces ("1312" finds "A1312", a Japanese
  // phrase inside a longer run). A trigram index with detail=none is about 0.6x the text's size
  // (full detail was 3.6x, measured on the corpus); LIKE queries use it as a filter.
  `
  CREATE VIRTUAL TABLE pages_sub USING fts5(
    title, body,
    content = 'pages', content_rowid = 'id',
    tokenize = 'trigram remove_diacritics 1', detail = none
  );
  INSERT INTO pages_sub(pages_sub) VALUES ('rebuild');
  DROP TRIGGER pages_ai;
  DROP TRIGGER pages_ad;
  DROP TRIGGER pages_au;
  CREATE TRIGGER pages_ai AFTER INSERT ON pages BEGIN
    INSERT INTO pages_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    INSERT INTO pages_sub(rowid, title, body) VALUES (new.id, new.title, new.body);
  END;
  CREATE TRIGGER pages_ad AFTER DELETE ON pages BEGIN
    INSERT INTO pages_fts(pages_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO pages_sub(pages_sub, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  END;
  CREATE TRIGGER pages_au AFTER UPDATE ON pages BEGIN
    INSERT INTO pages_fts(pages_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO pages_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    INSERT INTO pages_sub(pages_sub, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO pages_sub(rowid, title, body) VALUES (new.id, new.title, new.body);
  END;
  `,

  // 3: the user's settings, as JSON values by key.
  `
  CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
  );
  `,

  // 4: evidence. An evidence item belongs to a document (content identity), so renaming or moving
  // the file keeps it; tags file it against framework criteria; history records every change.
  `
  CREATE TABLE frameworks (
    id          TEXT PRIMARY KEY,
    json        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  );

  CREATE TABLE evidence (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL UNIQUE REFERENCES documents(id),
    title          TEXT NOT NULL,
    summary        TEXT NOT NULL DEFAULT '',
    team           TEXT NOT NULL DEFAULT '',
    evidence_date  TEXT,
    review_by      TEXT,
    status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'retired')),
    personal_data  INTEGER NOT NULL DEFAULT 0,
    -- the content that was looked at when it was made evidence, for "changed since tagged"
    tagged_sha256  TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
  );

  CREATE TABLE tags (
    id            INTEGER PRIMARY KEY,
    evidence_id   INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
    framework_id  TEXT NOT NULL,
    judgement_id  TEXT NOT NULL,
    criterion_id  TEXT NOT NULL,
    strength      TEXT NOT NULL DEFAULT 'supporting' CHECK (strength IN ('key', 'supporting')),
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    UNIQUE (evidence_id, framework_id, criterion_id)
  );
  CREATE INDEX tags_criterion ON tags(framework_id, criterion_id);

  CREATE TABLE history (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    user         TEXT NOT NULL,
    evidence_id  INTEGER,
    document_id  INTEGER,
    action       TEXT NOT NULL,
    detail       TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX history_evidence ON history(evidence_id, at);

  CREATE TABLE dismissed_suggestions (
    document_id   INTEGER NOT NULL,
    framework_id  TEXT NOT NULL,
    criterion_id  TEXT NOT NULL,
    PRIMARY KEY (document_id, framework_id, criterion_id)
  );

  CREATE TABLE self_evaluations (
    framework_id  TEXT NOT NULL,
    judgement_id  TEXT NOT NULL,
    know          TEXT NOT NULL DEFAULT '',
    how           TEXT NOT NULL DEFAULT '',
    next          TEXT NOT NULL DEFAULT '',
    grade         TEXT,
    evidence_ids  TEXT NOT NULL DEFAULT '[]',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (framework_id, judgement_id)
  );
  `,

  // 5: a scan says how it ended and why it did not finish. The heartbeat tells a scan another
  // process is still running from one that was killed midway (whose row would say 'running' for ever).
  `
  ALTER TABLE scans ADD COLUMN problem TEXT;
  ALTER TABLE scans ADD COLUMN heartbeat_at TEXT;
  UPDATE scans SET outcome = 'interrupted' WHERE finished_at IS NULL AND outcome IS NULL;
  `,

  // 6: scripts and programs (.js, .ps1, .bat …) were read as text before this version, so their text
  // was searchable and Open would run them. Their files forget that content (documents no other
  // file or evidence needs are deleted with their pages), and are marked unreadable so the next
  // scan reads them again and records them as not indexed. The list is PROGRAM_EXTENSIONS of
  // core/extract/sniff.ts as it was when this was written (a migration never changes).
  `
  CREATE TEMP TABLE program_files AS
    SELECT id, document_id FROM files WHERE ext IN (
      'exe', 'com', 'scr', 'pif', 'cpl', 'msc', 'dll', 'ocx', 'sys', 'drv', 'msi', 'msp', 'mst', 'msix',
      'msixbundle', 'appx', 'appxbundle', 'application', 'appref-ms', 'gadget', 'xbap', 'xll', 'bat',
      'cmd', 'ps1', 'psm1', 'psd1', 'ps1xml', 'psc1', 'vbs', 'vbe', 'vb', 'js', 'jse', 'mjs', 'cjs',
      'wsf', 'wsh', 'wsc', 'ws', 'sct', 'hta', 'msh', 'msh1', 'msh2', 'lnk', 'url', 'scf', 'inf', 'reg',
      'settingcontent-ms', 'library-ms', 'search-ms', 'searchconnector-ms', 'diagcab', 'chm', 'py', 'pyw',
      'pyc', 'pyz', 'pl', 'rb', 'php', 'jar', 'jnlp', 'class', 'app', 'command', 'tool', 'workflow',
      'scpt', 'applescript', 'pkg', 'mpkg', 'sh', 'bash', 'zsh', 'csh', 'ksh', 'run', 'desktop',
      'appimage', 'deb', 'rpm', 'elf'
    );
  UPDATE files SET document_id = NULL, status = 'failed', reason = 'unreadable',
    detail = 'to be read again: programs and scripts are no longer indexed as text'
    WHERE id IN (SELECT id FROM program_files);
  DELETE FROM documents
    WHERE id IN (SELECT document_id FROM program_files WHERE document_id IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM files f WHERE f.document_id = documents.id)
      AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.document_id = documents.id);
  DROP TABLE program_files;
  `,

  // 7: Annex A column mappings the user confirmed, per source system ("Mosaic"), reused on the next
  // import. They name columns, never a child, so they live here and not with the child-level data.
  `
  CREATE TABLE annexa_mappings (
    system    TEXT PRIMARY KEY,
    json      TEXT NOT NULL,
    saved_at  TEXT NOT NULL
  );
  `,

  // 8: every export of a pack to the shared drive: who, when, what scope, where, and how it ended.
  `
  CREATE TABLE pack_exports (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    user          TEXT NOT NULL,
    destination   TEXT NOT NULL,
    options       TEXT NOT NULL,
    outcome       TEXT NOT NULL CHECK (outcome IN ('done', 'failed', 'cancelled')),
    evidence      INTEGER NOT NULL DEFAULT 0,
    files         INTEGER NOT NULL DEFAULT 0,
    bytes         INTEGER NOT NULL DEFAULT 0,
    seconds       REAL NOT NULL DEFAULT 0,
    message       TEXT
  );
  `,

  // 9: the onsite week's request log. Times are ISO 8601 in UTC (what new Date().toISOString()
  // writes), so they sort as text and compare across the clock change; a link keeps ids, not paths
  // or titles, so a renamed file or retitled item shows as it is now. A document link has no foreign
  // key: a document leaving the index must not take the record of what answered a request with it.
  `
  CREATE TABLE requests (
    id            INTEGER PRIMARY KEY,
    text          TEXT NOT NULL,
    inspector     TEXT NOT NULL,
    received      TEXT NOT NULL,
    due           TEXT,
    priority      TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('high', 'normal')),
    owner         TEXT NOT NULL DEFAULT '',
    framework_id  TEXT,
    judgement_id  TEXT,
    status        TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in-progress', 'answered', 'withdrawn')),
    answered      TEXT,
    closed        TEXT,
    response      TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
  );
  CREATE INDEX requests_received ON requests(received);

  CREATE TABLE request_links (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('document', 'evidence', 'search', 'annexa')),
    document_id  INTEGER,
    page         INTEGER,
    evidence_id  INTEGER,
    query        TEXT,
    list         TEXT,
    note         TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL
  );
  CREATE INDEX request_links_request ON request_links(request_id);

  CREATE TABLE request_history (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    user        TEXT NOT NULL,
    action      TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX request_history_request ON request_history(request_id);
  `,

  // 10: search that stays quick on a whole council drive (50,000+ documents).
  // - Short prefixes (cor*, ca*) read one prefix index entry instead of merging every word that
  //   starts that way (4 s → under 0.3 s at 50,000 documents); the index grows by about a third.
  // - A file's folder as an indexed column, so folder: lists the matching folders (a few thousand
  //   at most) instead of reading every path; and indexes for the other filters, so each filter is
  //   a set of documents read from an index rather than a test run on every match.
  `
  DROP TABLE pages_fts;
  CREATE VIRTUAL TABLE pages_fts USING fts5(
    title, body,
    content = 'pages', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
  );
  INSERT INTO pages_fts(pages_fts) VALUES ('rebuild');

  ALTER TABLE files ADD COLUMN dir TEXT GENERATED ALWAYS AS (substr(path, 1, length(path) - length(name))) VIRTUAL;
  CREATE INDEX files_dir ON files(dir);
  CREATE INDEX files_live ON files(missing, document_id);
  CREATE INDEX files_modified ON files(mtime_ms);
  CREATE INDEX files_ext ON files(ext);
  CREATE INDEX documents_format ON documents(format);
  `,

  // 11: data protection.
  // - The audit log: who exported, imported or deleted what, and when (core/audit). The app only
  //   ever adds to it: the triggers refuse an UPDATE or DELETE from any code path, so a bug or a
  //   careless change cannot rewrite the record.
  // - A document whose text the user had forgotten ("Remove folder and forget its text") keeps its
  //   row for the evidence made of it, with no pages; this marks it, so the document view says why
  //   it has no text and a later scan of the same content reads the text again.
  `
  CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    user     TEXT NOT NULL,
    action   TEXT NOT NULL,
    outcome  TEXT NOT NULL CHECK (outcome IN ('done', 'failed', 'cancelled')),
    detail   TEXT NOT NULL
  );
  CREATE INDEX audit_log_action ON audit_log(action, id);
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'The audit log cannot be changed.');
  END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'The audit log cannot be changed.');
  END;

  ALTER TABLE documents ADD COLUMN text_forgotten_at TEXT;
  `,

  // 12: saved searches: a query (its words and filters, as the search box holds them) kept under a
  // name the user chose, listed in the navigation and linked from requests. Names are unique
  // whatever their case, so "LADO referrals" and "lado referrals" cannot both be listed.
  `
  CREATE TABLE saved_searches (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    query       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  );
  CREATE UNIQUE INDEX saved_searches_name ON saved_searches(name COLLATE NOCASE);
  `,

  // 13: every scan asks which documents had their text forgotten and not read again (usually
  // none); without an index that read the whole documents table (2.2 s from a cold disk at
  // 200,000 documents). A partial index holds only those documents: empty, so the answer is at once.
  `
  CREATE INDEX documents_text_forgotten ON documents(text_forgotten_at) WHERE text_forgotten_at IS NOT NULL;
  `,
];
