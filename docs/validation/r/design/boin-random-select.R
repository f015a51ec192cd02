# BOIN::select.mtd on 400 random trials, for BoinMtdTest. Run: Rscript boin-random-select.R > boin-random-select.txt
# Each line: target | npts | ntox | cutoff.eli | extrasafe | boundMTD | MTD (99: none) | isotonic estimates of the
# tried doses, unrounded (select.mtd's phat.all expression with Iso::pava, the same weighted fit)
.libPaths("/work/rlib-design")
suppressMessages({library(BOIN); library(Iso)})
cat("# R ", R.version$major, ".", R.version$minor, ", BOIN ", as.character(packageVersion("BOIN")),
    "; select.mtd(target, npts, ntox, cutoff.eli = cutoff.eli, extrasafe = extrasafe, boundMTD = boundMTD)\n", sep = "")
set.seed(2026)
for (i in 1:400) {
  target <- sample(c(0.2, 0.25, 0.3, 0.33), 1)
  k <- sample(3:7, 1)
  n <- rep(0, k); tried <- sample(1:k, 1)
  n[1:tried] <- 3 * sample(0:5, tried, replace = TRUE)
  if (i %% 5 == 0) n[1] <- 0
  p <- sort(runif(k, 0, 0.7))
  y <- rbinom(k, n, p)
  cutoff <- sample(c(0.9, 0.95, 0.99), 1); extrasafe <- i %% 4 == 0; bound <- i %% 7 == 0
  s <- select.mtd(target, n, y, cutoff.eli = cutoff, extrasafe = extrasafe, boundMTD = bound)
  tr <- n != 0
  w <- 1 / ((y[tr] + 0.05) * (n[tr] - y[tr] + 0.05) / ((n[tr] + 0.1)^2 * (n[tr] + 0.1 + 1)))
  phat <- if (any(tr)) pava((y[tr] + 0.05) / (n[tr] + 0.1), w) else numeric(0)
  cat(target, "|", paste(n, collapse = ","), "|", paste(y, collapse = ","), "|", cutoff, "|", extrasafe, "|", bound,
      "|", s$MTD, "|", paste(sprintf("%.15g", phat), collapse = ","), "\n")
}
