# Synthetic data for the biomarker example (examples/biomarker-screen): never real patients.
# Rscript examples/biomarker-screen/make-data.R   (base R only; writes panel.csv beside this script)
#
# A randomised expansion cohort (1:1, trt = 1 experimental) with a panel of 40 correlated continuous markers
# (m01..m40, block correlation 0.3 within blocks of 5), an objective response and progression-free survival.
# Truth: m01 is prognostic (better outcome whatever the arm), m02 is predictive (the treatment works only when
# m02 is high: above 0), m03 is both; the other 37 are noise.
set.seed(20261203)
here <- tryCatch(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))),
                 error = function(e) ".")
n <- 400
p <- 40
block <- matrix(0.3, 5, 5); diag(block) <- 1
sigma <- kronecker(diag(p / 5), block)
x <- matrix(rnorm(n * p), n, p) %*% chol(sigma)
colnames(x) <- sprintf("m%02d", seq_len(p))
trt <- rep(0:1, length.out = n)[sample(n)]
lp <- -0.6 + 0.8 * x[, 1] + 0.4 * x[, 3] + trt * (0.1 + 1.2 * (x[, 2] > 0) + 0.5 * x[, 3])
response <- rbinom(n, 1, plogis(lp))
hazard <- exp(-0.5 * x[, 1] - 0.3 * x[, 3] - trt * (0.05 + 0.8 * (x[, 2] > 0)))
pfs <- rexp(n, rate = hazard / 12)
censor <- runif(n, 6, 36)
panel <- data.frame(id = sprintf("BX-%04d", seq_len(n)), trt = trt, response = response,
                    pfs = round(pmin(pfs, censor), 2), progressed = as.integer(pfs <= censor), round(x, 4))
write.csv(panel, file.path(here, "panel.csv"), row.names = FALSE)
cat(n, "patients,", p, "markers; responses", sum(response), "; progressions", sum(panel$progressed), "\n")
