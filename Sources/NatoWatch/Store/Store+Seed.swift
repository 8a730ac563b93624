import Foundation
import GRDB

extension Store {
    /// Adds the seed's facts to the ledger (origin `seed`); facts already present are left alone.
    /// Returns how many were added.
    @discardableResult
    public func importSeed(_ seed: LedgerSeed, now: Date) throws(StoreError) -> Int {
        try write { db in
            let t = now.timeIntervalSince1970
            var added = 0
            for p in seed.pledges {
                let fact = PledgeFact(actor: p.actor, metric: p.metric, value: p.value, currency: p.currency, targetYear: p.targetYear, evidence: "", rules: [])
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO facts (kind, identity, actor, metric, value, currency, target_year, status, evidence, origin, first_seen, last_seen)
                        VALUES ('pledge', ?, ?, ?, ?, ?, ?, 'committed', 'known at deployment (ledger seed)', 'seed', ?, ?)
                        """,
                    arguments: [Ledger.identity(of: fact), p.actor, p.metric, p.value, p.currency, p.targetYear, t, t])
                if db.changesCount > 0 {
                    added += 1
                    try db.execute(
                        sql: "INSERT INTO fact_history (fact_id, value, target_year, status, recorded_at) VALUES (?, ?, ?, 'committed', ?)",
                        arguments: [db.lastInsertedRowID, p.value, p.targetYear, t])
                }
            }
            for m in seed.missions {
                let fact = MissionFact(mission: m.mission, change: m.change, place: m.place, status: m.status ?? "decided", evidence: "", rules: [])
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO facts (kind, identity, mission, change, place, status, evidence, origin, first_seen, last_seen)
                        VALUES ('mission', ?, ?, ?, ?, ?, 'known at deployment (ledger seed)', 'seed', ?, ?)
                        """,
                    arguments: [Ledger.identity(of: fact), m.mission, m.change, m.place, fact.status, t, t])
                added += db.changesCount
            }
            return added
        }
    }
}
