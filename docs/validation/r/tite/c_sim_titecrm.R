# 3c. TITE-CRM operating characteristics by simulation (own simulator, base R),
#     following dfcrm::titesim (one-stage, x0 = 1, restrict = TRUE, accrual = "poisson",
#     surv = "uniform", scheme = "linear", method = "bayes", model = "empiric", scale = sqrt(1.34)).
# Run: nice Rscript docs/validation/r/tite/c_sim_titecrm.R [nsim] [seed]
# Modelling choices (see docs/validation/r/tite/SPEC.md):
#  * first patient arrives at t = 0 (dfcrm: first arrival at Exp time; only shifts duration)
#  * inter-arrival times i.i.d. Exponential(mean 15 days)  (dfcrm: rexp(1, rate/obswin), rate = 6)
#  * DLT with prob ptrue[dose]; DLT time ~ Uniform(0, 90)   (dfcrm surv = "uniform")
#  * patient i >= 2 is dosed at its arrival t_i with the data of patients 1..i-1 at t_i:
#      y_j = 1 iff entry_j + u_j <= t_i ; w_j = 1 if y_j = 1 else min((t_i - entry_j)/90, 1)
#      rec = TITE-CRM recommendation; dose_i = min(rec, dose_{i-1} + 1)   (no skipping, no other restriction)
#  * after 30 patients, wait for all follow-up; final MTD = CRM recommendation with all
#    outcomes complete (weights 1), unrestricted; no early stopping
#  * duration = last arrival + 90 (measured from the first arrival)
args <- commandArgs(TRUE)
nsim <- if (length(args) >= 1) as.integer(args[1]) else 4000L
seed <- if (length(args) >= 2) as.integer(args[2]) else 20240601L
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "titecrm_core.R"))

ptrue    <- c(0.05, 0.10, 0.20, 0.30, 0.45)
skeleton <- c(0.08, 0.15, 0.25, 0.35, 0.45)
target <- 0.30; nmax <- 30L; Tw <- 90; mean_ia <- 15; x0 <- 1L
K <- length(ptrue)

sim_one <- function() {
  entry <- numeric(nmax); dose <- integer(nmax); u <- numeric(nmax)
  entry[1] <- 0; dose[1] <- x0
  u[1] <- if (runif(1) < ptrue[x0]) runif(1, 0, Tw) else Inf
  for (i in 2:nmax) {
    t <- entry[i - 1] + rexp(1, 1 / mean_ia)
    j <- 1:(i - 1)
    el <- t - entry[j]
    yo <- as.numeric(u[j] <= el)
    w <- pmin(el / Tw, 1)
    rec <- titecrm_update(skeleton, target, dose[j], yo, w)$rec
    entry[i] <- t
    dose[i] <- min(rec, dose[i - 1] + 1L)
    u[i] <- if (runif(1) < ptrue[dose[i]]) runif(1, 0, Tw) else Inf
  }
  y <- as.numeric(is.finite(u))
  mtd <- titecrm_update(skeleton, target, dose, y, rep(1, nmax))$rec
  list(mtd = mtd, n = tabulate(dose, K), y = tabulate(dose[y == 1], K),
       dur = entry[nmax] + Tw)
}

set.seed(seed)
t0 <- proc.time()
out <- replicate(nsim, sim_one(), simplify = FALSE)
el <- (proc.time() - t0)[["elapsed"]]

sel <- vapply(out, function(o) o$mtd, 0)
N <- t(vapply(out, function(o) o$n, numeric(K)))
Y <- t(vapply(out, function(o) o$y, numeric(K)))
dur <- vapply(out, function(o) o$dur, 0)
selp <- sapply(0:K, function(k) mean(sel == k))
sel_se <- sqrt(selp * (1 - selp) / nsim)
cat(sprintf("TITE-CRM  nsim=%d seed=%d  (elapsed %.1f s)\n", nsim, seed, el))
cat("true p:", ptrue, " skeleton:", skeleton, " target", target, "\n")
cat("selection %  (none, dose1..5):", sprintf("%.2f", 100 * selp), "\n")
cat("  MC SE (pp)                   :", sprintf("%.2f", 100 * sel_se), "\n")
cat("patients per dose              :", sprintf("%.3f", colMeans(N)), "\n")
cat("  MC SE                        :", sprintf("%.3f", apply(N, 2, sd) / sqrt(nsim)), "\n")
cat("DLTs per dose                  :", sprintf("%.3f", colMeans(Y)), "\n")
cat(sprintf("mean duration (days, from first arrival) %.2f (SE %.2f); sd %.2f\n",
            mean(dur), sd(dur) / sqrt(nsim), sd(dur)))
cat("(theory: E[duration] = 29 * 15 + 90 = 525; dfcrm's DURATION adds the first gap, +15)\n")
