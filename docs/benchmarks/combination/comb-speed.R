# R side of the combination BOIN benchmark (docs/benchmarks.md, "Combination BOIN"): BOIN::get.oc.comb on the help
# page's 3 x 5 grid, timed inside R (start-up excluded), repeats runs of ntrial trials.
# Run: Rscript docs/benchmarks/combination/comb-speed.R <ntrial> <repeats>   (BOIN 2.7.2 in /work/Rlib)
.libPaths("/work/Rlib")
suppressMessages(library(BOIN))
args <- commandArgs(TRUE)
ntrial <- as.integer(args[1]); repeats <- as.integer(args[2])
p <- matrix(c(0.01, 0.03, 0.10, 0.20, 0.30, 0.03, 0.05, 0.15, 0.30, 0.60, 0.08, 0.10, 0.30, 0.60, 0.75),
            byrow = TRUE, ncol = 5)
for (r in 1:repeats) {
  a <- system.time(get.oc.comb(0.3, p, ncohort = 20, cohortsize = 3, n.earlystop = 12, ntrial = ntrial, seed = r))
  b <- system.time(suppressWarnings(get.oc.comb(0.3, p, ncohort = c(10, 5, 5), cohortsize = 3, n.earlystop = 12,
                                                mtd.contour = TRUE, ntrial = ntrial, seed = r)))
  cat(sprintf("repeat %d: get.oc.comb BOIN %d trials %.2f s (%.2f ms/trial); waterfall %.2f s (%.2f ms/trial)\n", r,
              ntrial, a[["elapsed"]], 1000 * a[["elapsed"]] / ntrial, b[["elapsed"]], 1000 * b[["elapsed"]] / ntrial))
}
