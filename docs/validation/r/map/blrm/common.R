# Shared by blrm-map.R and blrm-map-exnex.R. Library path: Debian's r-cran-bh ships its headers in /usr/include/boost, not under
# BH/include where rstan looks for them; a copy of BH with include/boost -> /usr/include/boost, first on the library
# path, lets stan_model compile.
fix <- "/tmp/rlibfix"
if (!dir.exists(file.path(fix, "BH", "include"))) {
  dir.create(fix, showWarnings = FALSE)
  file.copy(system.file(package = "BH"), fix, recursive = TRUE)
  dir.create(file.path(fix, "BH", "include"))
  file.symlink("/usr/include/boost", file.path(fix, "BH", "include", "boost"))
}
.libPaths(c(fix, "/work/Rlib"))
suppressMessages(library(rstan))
# The MAP moments (Rao-Blackwellised: var = Var(mu) + E tau^2) and the posterior mean and sd of mu and tau.
stats <- function(mu1, mu2, t1, t2) {
  v1 <- var(mu1) + mean(t1^2); v2 <- var(mu2) + mean(t2^2)
  c(mapMeanLogAlpha = mean(mu1), mapSdLogAlpha = sqrt(v1), mapMeanLogBeta = mean(mu2), mapSdLogBeta = sqrt(v2),
    mapCorrelation = cov(mu1, mu2) / sqrt(v1 * v2),
    muLogAlphaMean = mean(mu1), muLogAlphaSd = sd(mu1), muLogBetaMean = mean(mu2), muLogBetaSd = sd(mu2),
    tauLogAlphaMean = mean(t1), tauLogAlphaSd = sd(t1), tauLogBetaMean = mean(t2), tauLogBetaSd = sd(t2))
}
