# In-process timing of clinfun::ph2simon, for docs/benchmarks.md: the first call in a fresh R (after library()),
# then the median of 50 further calls per setting. Run: Rscript simon-bench.R
.libPaths("/work/rlib-design")
library(clinfun)
t <- system.time(ph2simon(0.2, 0.4, 0.05, 0.2, 100))[["elapsed"]]
cat(sprintf("first call (0.2, 0.4): %.1f ms\n", 1000 * t))
for (p in list(c(0.05, 0.25), c(0.1, 0.3), c(0.2, 0.4), c(0.3, 0.5))) {
  times <- sapply(1:50, function(i) { s <- proc.time()[["elapsed"]]; ph2simon(p[1], p[2], 0.05, 0.2, 100)
    proc.time()[["elapsed"]] - s })
  cat(sprintf("p0 = %.2f, p1 = %.2f, nmax = 100: median of 50 calls %.2f ms (min %.2f, max %.2f)\n",
              p[1], p[2], 1000 * median(times), 1000 * min(times), 1000 * max(times)))
}
