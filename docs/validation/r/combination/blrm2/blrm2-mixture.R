## Reference values for design.blrm-combo-posterior with mixture priors (priorMixtureA, priorMixtureB), pinned in
## tests/io.daybreak.methods.design.tests/.../blrm2/Blrm2MixtureTest.java.
## Independent computation: Stan (rstan 2.21.7) NUTS on the model in blrm2-mixture.stan (the mixture prior written with
## log_sum_exp, the likelihood as in blrm2.stan).
## Run: Rscript docs/validation/r/combination/blrm2/blrm2-mixture.R   (from the repository root)
source("docs/validation/r/combination/blrm2/blrm2-common.R")
mod <- stan_model(file.path(here, "blrm2-mixture.stan"))

## A mixture from the text design.blrm(-combo) reads: "w,meanLogAlpha,sdLogAlpha,meanLogBeta,sdLogBeta,correlation;..."
mixture <- function(text) {
  rows <- lapply(strsplit(strsplit(text, ";")[[1]], ","), as.numeric)
  list(K = length(rows), w = sapply(rows, `[`, 1),
       m = lapply(rows, function(r) c(r[2], r[4])),
       S = lapply(rows, function(r) matrix(c(r[3]^2, r[6] * r[3] * r[5], r[6] * r[3] * r[5], r[5]^2), 2)))
}
## drug A: a robust MAP-like prior (informative component around logit 0.12 at d1*, 20% weak component);
## drug B: three components, the last the weak default.
textA <- "0.8,-2.0,0.45,0.1,0.35,-0.3;0.2,-1.3862943611198906,2,0,1,0"
textB <- "0.5,-1.6,0.5,0.2,0.4,0.2;0.3,-2.4,0.6,-0.1,0.5,0;0.2,-1.3862943611198906,2,0,1,0"
mA <- mixture(textA); mB <- mixture(textB)
prior <- list(K1 = mA$K, w1 = as.array(mA$w), m1 = mA$m, S1 = mA$S,
              K2 = mB$K, w2 = as.array(mB$w), m2 = mB$m, S2 = mB$S, mEta = 0, sEta = sqrt(2) / 2)

## data sets, per cell row by row (A level 1 with B levels 1..3, then A level 2, ...): none; in line with the
## informative components; in conflict with them (many DLTs at low combinations), where the weak components take over.
sets <- list(
  prior    = list(n = c(0, 0, 0,  0, 0, 0,  0, 0, 0), y = c(0, 0, 0,  0, 0, 0,  0, 0, 0)),
  inline   = list(n = c(3, 3, 0,  3, 6, 0,  0, 3, 0), y = c(0, 0, 0,  0, 1, 0,  0, 1, 0)),
  conflict = list(n = c(6, 3, 0,  3, 0, 0,  0, 0, 0), y = c(3, 2, 0,  2, 0, 0,  0, 0, 0)))

for (name in names(sets)) run_and_print(mod, name, stan_data(sets[[name]], prior))
cat("rstan", as.character(packageVersion("rstan")), "\n")
