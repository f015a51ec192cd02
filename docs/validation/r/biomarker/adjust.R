# Reference values for biomarker.adjust (PValueAdjustTest): R 4.2.2 stats::p.adjust and Bioconductor qvalue
# (github:StoreyLab/qvalue, installed from source into /work/Rlib). Run: Rscript adjust.R
.libPaths(c("/work/Rlib", .libPaths()))
library(qvalue)
options(digits = 17)
f <- function(x) cat(paste(sprintf("%.17g", x), collapse = ", "), "\n")

# small vector with ties and a missing value
p <- c(0.01, 0.04, 0.04, NA, 0.2, 0.001, 0.5, 0.04, 0.9, 0.03)
for (m in c("bonferroni", "holm", "hochberg", "BH", "BY")) { cat(m, ": "); f(p.adjust(p, m)) }

# deterministic p-values (no RNG): u_i = ((7919 i) mod 997 + 0.5) / 997, signals p = u^2 / 50 for i <= 60
i <- 1:300
u <- ((7919 * i) %% 997 + 0.5) / 997
p <- ifelse(i <= 60, u^2 / 50, u)
for (m in c("BH", "BY", "holm")) { cat(m, "[c(1, 2, 61, 300)]: "); f(p.adjust(p, m)[c(1, 2, 61, 300)]) }
q <- qvalue(p)
cat("qvalue smoother pi0: "); f(q$pi0)
cat("pi0.lambda: "); f(q$pi0.lambda)
cat("q[c(1, 2, 61, 300)]: "); f(q$qvalues[c(1, 2, 61, 300)])
cat("sum(q <= 0.1): ", sum(q$qvalues <= 0.1), "\n")
qb <- qvalue(p, pi0.method = "bootstrap")
cat("bootstrap pi0: "); f(qb$pi0)
cat("bootstrap q[c(1, 61)]: "); f(qb$qvalues[c(1, 61)])
q5 <- qvalue(p, lambda = 0.5)
cat("lambda 0.5 pi0: "); f(q5$pi0)
cat("lambda 0.5 q[c(1, 61)]: "); f(q5$qvalues[c(1, 61)])
# the smoothing spline itself: df and fitted values at the grid
lambda <- seq(0.05, 0.95, 0.05)
s <- smooth.spline(lambda, q$pi0.lambda, df = 3)
cat("smooth.spline df, spar: "); f(c(s$df, s$spar))
cat("fitted: "); f(predict(s, x = lambda)$y)
