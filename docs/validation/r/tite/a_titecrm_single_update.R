# 3a. TITE-CRM single-update reference check.
# Run: nice Rscript docs/validation/r/tite/a_titecrm_single_update.R
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "titecrm_core.R"))

skeleton <- c(0.05, 0.12, 0.25, 0.40, 0.55)
target   <- 0.25
doses    <- c(1, 1, 2, 2, 3, 3, 3)
tox      <- c(0, 0, 0, 1, 0, 0, 0)
weights  <- c(1, 1, 1, 1, 0.5, 0.3, 0.1)   # follow-up fractions; DLT patient already 1

# (i) integrate() with dfcrm's default tolerances, both integrals over (-Inf, Inf)
#     (cran/dfcrm R/dfcrm.R older version)
r1 <- titecrm_update(skeleton, target, doses, tox, weights)
# (ii) dfcrm 0.2-2.x variant: denominator over (-Inf,Inf), numerator over (-10,10)
r2 <- titecrm_update(skeleton, target, doses, tox, weights, lower = -10, upper = 10)
# (iii) tight integrate()
r3 <- titecrm_update(skeleton, target, doses, tox, weights, rel.tol = 1e-13)
# (iv) independent check: composite Simpson on [-15, 15], 600001 points
w <- weights; w[tox == 1] <- 1; x <- skeleton[doses]
g <- seq(-15, 15, length.out = 600001); h <- g[2] - g[1]
sw <- c(1, rep(c(4, 2), length.out = length(g) - 2), 1) * h / 3
f <- crm_unnorm_post(g, x, tox, w, 1.34)
b_simpson <- sum(sw * g * f) / sum(sw * f)
post_var <- sum(sw * g^2 * f) / sum(sw * f) - b_simpson^2

fmt <- function(v) formatC(v, digits = 12, format = "f")
cat("posterior mean beta, integrate default (-Inf,Inf)/(-Inf,Inf):", fmt(r1$beta), "\n")
cat("posterior mean beta, integrate default num (-10,10)         :", fmt(r2$beta), "\n")
cat("posterior mean beta, integrate rel.tol=1e-13                :", fmt(r3$beta), "\n")
cat("posterior mean beta, Simpson 600001 pts on [-15,15]         :", fmt(b_simpson), "\n")
cat("posterior variance of beta (Simpson)                        :", fmt(post_var), "\n")
cat("ptox (plug-in skeleton^exp(beta)):", fmt(r3$ptox), "\n")
cat("|ptox - target|:", fmt(abs(r3$ptox - target)), "\n")
cat("recommended dose (unrestricted):", r3$rec, "\n")
cur <- max(doses)  # last / highest assigned dose = 3
cat("recommended dose with no-skip restriction min(rec, current+1), current =", cur, ":",
    min(r3$rec, cur + 1), "\n")
