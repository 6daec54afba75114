-- bench/api.py's report from wrk: one JSON line of requests, req/s and p50/p95/p99 seconds.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "rps": %f, "p50": %f, "p95": %f, "p99": %f, "errors": %d}\n',
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1e6, latency:percentile(95) / 1e6, latency:percentile(99) / 1e6,
    e.connect + e.read + e.write + e.status + e.timeout))
end
