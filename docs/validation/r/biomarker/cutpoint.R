# Reference values for biomarker.cutpoint (CutpointTest): R 4.2.2, maxstat 0.7-25 and exactRankTests (github:cran,
# installed from source into /work/Rlib), survival. Run: Rscript cutpoint.R
.libPaths(c("/work/Rlib", .libPaths()))
library(maxstat); library(survival)
f <- function(x) cat(paste(sprintf("%.17g", x), collapse = ", "), "\n")
# Deterministic data (no RNG): 80 patients, marker with ties, outcome shifted above marker 6
i <- 1:80
x <- ((29 * i) %% 83) / 8
x <- round(x * 2) / 2                        # ties: steps of 0.5
y <- ((17 * i) %% 41) / 4 + 3 * (x > 6)
d <- data.frame(x = x, y = y)
for (pm in c("Lau92", "Lau94", "HL")) {
  t <- maxstat.test(y ~ x, data = d, smethod = "Wilcoxon", pmethod = pm)
  cat("Wilcoxon", pm, "M, cut, p: "); f(c(t$statistic, t$estimate, t$p.value))
}
t <- maxstat.test(y ~ x, data = d, smethod = "Wilcoxon", pmethod = "Lau94", minprop = 0.25, maxprop = 0.75)
cat("Wilcoxon Lau94 minprop 0.25 maxprop 0.75 M, cut, p: "); f(c(t$statistic, t$estimate, t$p.value))
cat("number of cuts, stats[c(1, 5)], cuts[c(1, 5)]: "); f(c(length(t$cuts), t$stats[c(1, 5)], t$cuts[c(1, 5)]))
# survival: exponential-like times from a deterministic sequence, hazard higher above marker 6, some censoring
u <- (((31 * i) %% 79) + 0.5) / 79
time <- round(-log(u) * ifelse(x > 6, 4, 10), 2)
event <- as.integer((i %% 5) != 0)
ds <- data.frame(x = x, time = time, event = event)
for (pm in c("Lau92", "Lau94", "HL")) {
  t <- maxstat.test(Surv(time, event) ~ x, data = ds, smethod = "LogRank", pmethod = pm)
  cat("LogRank", pm, "M, cut, p: "); f(c(t$statistic, t$estimate, t$p.value))
}
cat("logrank scores[1:3]: "); f(exactRankTests::cscores(Surv(time, event))[1:3])
cat("x: "); cat(x, sep = ", "); cat("\n")
cat("time: "); cat(time, sep = ", "); cat("\n")
