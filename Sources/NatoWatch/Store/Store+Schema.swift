import GRDB

extension Store {
    /// Versioned schema migrations; append new ones, never edit an applied one.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE feeds (
                      url TEXT PRIMARY KEY,
                      name TEXT NOT NULL,
                      active INTEGER NOT NULL DEFAULT 1,
                      moved_to TEXT,
                      etag TEXT,
                      last_modified TEXT,
                      last_fetch_at REAL,
                      last_success_at REAL,
                      last_status INTEGER,
                      last_error TEXT,
                      last_error_kind TEXT,
                      consecutive_failures INTEGER NOT NULL DEFAULT 0,
                      next_due_at REAL,
                      bytes INTEGER,
                      duration REAL,
                      items_in_feed INTEGER,
                      baseline_done INTEGER NOT NULL DEFAULT 0,
                      failing_alerted INTEGER NOT NULL DEFAULT 0,
                      disabled_reason TEXT
                    );
                    CREATE TABLE items (
                      id INTEGER PRIMARY KEY,
                      feed_url TEXT NOT NULL,
                      item_key TEXT NOT NULL,
                      guid TEXT,
                      url TEXT,
                      canonical_url TEXT,
                      title TEXT,
                      norm_title TEXT,
                      published REAL,
                      content_hash TEXT NOT NULL,
                      first_seen REAL NOT NULL,
                      story_id INTEGER,
                      text TEXT,
                      UNIQUE (feed_url, item_key)
                    );
                    CREATE INDEX items_canonical ON items(canonical_url);
                    CREATE INDEX items_norm_title ON items(norm_title);
                    CREATE INDEX items_hash ON items(feed_url, content_hash);
                    CREATE INDEX items_first_seen ON items(first_seen);
                    CREATE TABLE seen_keys (
                      feed_url TEXT NOT NULL,
                      item_key TEXT NOT NULL,
                      recorded_at REAL NOT NULL,
                      PRIMARY KEY (feed_url, item_key)
                    ) WITHOUT ROWID;
                    CREATE TABLE matches (
                      item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
                      topics TEXT NOT NULL,
                      result TEXT NOT NULL,
                      created_at REAL NOT NULL
                    );
                    CREATE TABLE facts (
                      id INTEGER PRIMARY KEY,
                      kind TEXT NOT NULL,
                      identity TEXT NOT NULL UNIQUE,
                      actor TEXT, metric TEXT, value REAL, currency TEXT, target_year INTEGER,
                      mission TEXT, change TEXT, place TEXT, status TEXT,
                      evidence TEXT,
                      origin TEXT NOT NULL DEFAULT 'feed',
                      first_seen REAL NOT NULL,
                      last_seen REAL NOT NULL,
                      last_alerted_at REAL
                    );
                    CREATE INDEX facts_actor ON facts(actor, metric);
                    CREATE TABLE fact_history (
                      fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
                      value REAL, target_year INTEGER, status TEXT,
                      recorded_at REAL NOT NULL, item_id INTEGER
                    );
                    CREATE INDEX fact_history_fact ON fact_history(fact_id);
                    CREATE TABLE fact_sources (
                      fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
                      item_id INTEGER NOT NULL,
                      feed_url TEXT,
                      host TEXT,
                      official INTEGER NOT NULL DEFAULT 0,
                      seen_at REAL NOT NULL,
                      PRIMARY KEY (fact_id, item_id)
                    );
                    CREATE INDEX fact_sources_item ON fact_sources(item_id);
                    CREATE TABLE alerts (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      id TEXT NOT NULL UNIQUE,
                      kind TEXT NOT NULL,
                      fact_id INTEGER,
                      created_at REAL NOT NULL,
                      payload TEXT NOT NULL,
                      delivered_at REAL,
                      hook_delivered_at REAL,
                      hook_attempts INTEGER NOT NULL DEFAULT 0,
                      webhook_delivered_at REAL,
                      webhook_attempts INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE INDEX alerts_undelivered ON alerts(delivered_at);
                    CREATE TABLE cycles (
                      id INTEGER PRIMARY KEY,
                      started_at REAL NOT NULL,
                      finished_at REAL,
                      duration REAL,
                      feeds_ok INTEGER, feeds_not_modified INTEGER, feeds_failed INTEGER,
                      new_items INTEGER, matches INTEGER, alerts INTEGER,
                      error TEXT
                    );
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
                    """)
        }
        return m
    }
}
