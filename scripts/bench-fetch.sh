#!/usr/bin/env bash
# Fetch-stage benchmark: natowatch's CurlFetcher against `curl --parallel` on the same 1,000 feeds
# (~50 KB each, gzip on the fly, ETags) served by nginx on 127.0.0.1. Cold = full downloads,
# warm = conditional GETs that all answer 304.
#
# Usage: scripts/bench-fetch.sh                 (builds natowatch in release mode first, as deployed)
#        NATOWATCH_BIN=path/to/natowatch scripts/bench-fetch.sh
# Knobs: BENCH_FEEDS (1000), BENCH_FEED_BYTES (51200), BENCH_PARALLEL (16), BENCH_RUNS (5).
# natowatch runs with --concurrency and --per-host both BENCH_PARALLEL, like curl's --parallel-max,
# since every feed is on the one loopback host.
set -euo pipefail

feeds=${BENCH_FEEDS:-1000}
feed_bytes=${BENCH_FEED_BYTES:-51200}
parallel=${BENCH_PARALLEL:-16}
runs=${BENCH_RUNS:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
here="$root/scripts/bench-fetch"

for tool in nginx curl python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench-fetch: $tool is required" >&2; exit 1; }
done

if [[ -z "${NATOWATCH_BIN:-}" ]]; then
    (cd "$root" && swift build -c release --static-swift-stdlib --product natowatch >&2)
    NATOWATCH_BIN="$root/.build/release/natowatch"
fi

work=$(mktemp -d /tmp/natowatch-bench-fetch.XXXXXX)
chmod 755 "$work"
cleanup() {
    if [[ -f "$work/nginx.pid" ]]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

python3 "$here/make-feeds.py" "$work/www" "$feeds" "$feed_bytes"
chmod -R a+rX "$work/www"
mkdir -p "$work/tmp"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -e "s|@WORK@|$work|g" -e "s|@PORT@|$port|g" "$here/nginx.conf.template" >"$work/nginx.conf"
nginx -p "$work" -c "$work/nginx.conf" -e "$work/error.log"
for _ in $(seq 50); do
    curl -s -o /dev/null "http://127.0.0.1:$port/feed0000.xml" && break
    sleep 0.1
done

for ((i = 0; i < feeds; i++)); do printf 'http://127.0.0.1:%s/feed%04d.xml\n' "$port" "$i"; done >"$work/urls.txt"

# curl configs: one segment per URL (joined by `next`), bytes, status, URL and ETag written out per
# transfer; $1 = a `URL<TAB>ETag` file for If-None-Match, or /dev/null.
make_curl_config() {
    awk -F'\t' '
        FILENAME == ARGV[1] { etag[$1] = $2; next }
        {
            if (FNR > 1) print "next"
            print "url = \"" $0 "\""
            print "output = \"/dev/null\""
            print "compressed"
            print "write-out = \"%{size_download} %{size_header} %{http_code} %{url_effective} %header{etag}\\n\""
            if ($0 in etag) { e = etag[$0]; gsub(/"/, "\\\"", e); print "header = \"If-None-Match: " e "\"" }
        }' "$1" "$work/urls.txt"
}

# Wall time from the shell clock (ms resolution; /usr/bin/time's %e has only 10 ms); peak RSS and CPU
# time (user + system, steadier than wall time on a busy machine) from /usr/bin/time.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

run_curl() { # $1 = config, $2 = output file; prints "seconds peak_rss_kb cpu_seconds"
    local start end
    start=$(now)
    /usr/bin/time -f '%M %U %S' -o "$work/time.txt" \
        curl --silent --show-error --no-progress-meter --parallel --parallel-max "$parallel" -K "$1" \
        >"$2" 2>>"$work/curl-errors.txt"
    end=$(now)
    echo "$(elapsed "$start" "$end") $(awk '{ printf "%d %.2f", $1, $2 + $3 }' "$work/time.txt")"
}

run_natowatch() { # extra args...; prints "seconds peak_rss_kb cpu_seconds" and leaves the summary in $work/nw.txt
    local start end
    start=$(now)
    /usr/bin/time -f '%M %U %S' -o "$work/time.txt" \
        "$NATOWATCH_BIN" bench-fetch --urls "$work/urls.txt" --concurrency "$parallel" --per-host "$parallel" "$@" \
        >"$work/nw.txt"
    end=$(now)
    echo "$(elapsed "$start" "$end") $(awk '{ printf "%d %.2f", $1, $2 + $3 }' "$work/time.txt")"
}

make_curl_config /dev/null >"$work/curl-cold.cfg"
# Warm-up (fills nginx's and the page cache) and the ETags for curl's conditional run.
run_curl "$work/curl-cold.cfg" "$work/curl-cold.out" >/dev/null
# Lines come in completion order: key them by URL.
awk '{ url = $4; $1 = $2 = $3 = $4 = ""; sub(/^ +/, ""); print url "\t" $0 }' "$work/curl-cold.out" >"$work/curl-etags.txt"
make_curl_config "$work/curl-etags.txt" >"$work/curl-warm.cfg"
run_natowatch --save-etags "$work/nw-etags.txt" >/dev/null

sum_bytes() { awk '{ total += $1 + $2 } END { print total }' "$1"; }
count_status() { awk -v s="$2" '$3 == s { n++ } END { print n + 0 }' "$1"; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

field() { tr ' ' '\n' <"$1" | awk -F= -v k="$2" '$1 == k { print $2 }'; }

declare -A times cpu rss
for ((r = 1; r <= runs; r++)); do
    read -r t m c < <(run_curl "$work/curl-cold.cfg" "$work/curl-cold.out")
    times[curl_cold]+="$t "; cpu[curl_cold]+="$c "; rss[curl_cold]=$m
    read -r t m c < <(run_natowatch)
    times[nw_cold]+="$t "; cpu[nw_cold]+="$c "; rss[nw_cold]=$m; cp "$work/nw.txt" "$work/nw-cold.txt"
    times[stage_cold]+="$(field "$work/nw.txt" seconds) "
    read -r t m c < <(run_curl "$work/curl-warm.cfg" "$work/curl-warm.out")
    times[curl_warm]+="$t "; cpu[curl_warm]+="$c "; rss[curl_warm]=$m
    read -r t m c < <(run_natowatch --etags "$work/nw-etags.txt")
    times[nw_warm]+="$t "; cpu[nw_warm]+="$c "; rss[nw_warm]=$m; cp "$work/nw.txt" "$work/nw-warm.txt"
    times[stage_warm]+="$(field "$work/nw.txt" seconds) "
done

med() { tr ' ' '\n' <<<"${times[$1]}" | grep . | median; }
medcpu() { tr ' ' '\n' <<<"${cpu[$1]}" | grep . | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }

curl_cold=$(med curl_cold); curl_warm=$(med curl_warm); nw_cold=$(med nw_cold); nw_warm=$(med nw_warm)
echo "fetch benchmark: $feeds feeds of ~$((feed_bytes / 1024)) KB from nginx on 127.0.0.1 (gzip, ETag), $parallel in parallel, median of $runs runs"
echo "  $(curl --version | head -1 | cut -d' ' -f1-3)"
printf '%-22s %10s %10s %8s %14s %12s\n' "" "curl (s)" "natowatch" "ratio" "wire bytes" "peak RSS"
printf '%-22s %10s %10s %8s %14s %12s\n' "cold (200, gzip)" "$curl_cold" "$nw_cold" \
    "$(awk -v a="$nw_cold" -v b="$curl_cold" 'BEGIN { printf "%.2fx", a / b }')" \
    "$(field "$work/nw-cold.txt" wire_bytes)" "$(field "$work/nw-cold.txt" peak_rss_kb) KB"
printf '%-22s %10s %10s %8s %14s %12s\n' "warm (304)" "$curl_warm" "$nw_warm" \
    "$(awk -v a="$nw_warm" -v b="$curl_warm" 'BEGIN { printf "%.2fx", a / b }')" \
    "$(field "$work/nw-warm.txt" wire_bytes)" "$(field "$work/nw-warm.txt" peak_rss_kb) KB"
echo "  CPU (user+system, median): cold curl $(medcpu curl_cold) s, natowatch $(medcpu nw_cold) s ($(ratio "$(medcpu nw_cold)" "$(medcpu curl_cold)")); warm curl $(medcpu curl_warm) s, natowatch $(medcpu nw_warm) s ($(ratio "$(medcpu nw_warm)" "$(medcpu curl_warm)"))"
echo "  natowatch's fetch stage alone (in-process, no start-up): cold $(med stage_cold) s, warm $(med stage_warm) s"
echo "  natowatch cold: $(cat "$work/nw-cold.txt")"
echo "  natowatch warm: $(cat "$work/nw-warm.txt")"
echo "  curl cold: $(count_status "$work/curl-cold.out" 200) x 200, $(sum_bytes "$work/curl-cold.out") wire bytes, peak RSS ${rss[curl_cold]} KB"
echo "  curl warm: $(count_status "$work/curl-warm.out" 304) x 304, $(sum_bytes "$work/curl-warm.out") wire bytes, peak RSS ${rss[curl_warm]} KB"
echo "  natowatch warm/cold wire bytes: $(awk -v w="$(field "$work/nw-warm.txt" wire_bytes)" -v c="$(field "$work/nw-cold.txt" wire_bytes)" 'BEGIN { printf "%.4f", w / c }')"
echo "  raw times (s): curl cold ${times[curl_cold]}| natowatch cold ${times[nw_cold]}| curl warm ${times[curl_warm]}| natowatch warm ${times[nw_warm]}"
