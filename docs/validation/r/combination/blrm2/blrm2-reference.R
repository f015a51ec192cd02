## Reference values for design.blrm-combo-posterior (io.daybreak.methods.design.blrm2), pinned in
## tests/io.daybreak.methods.design.tests/.../blrm2/Blrm2Test.java.
## Independent computation: Stan (rstan 2.21.7) NUTS on exactly the model in blrm2.stan.
## Run: Rscript docs/validation/r/combination/blrm2/blrm2-reference.R   (from the repository root)
source("docs/validation/r/combination/blrm2/blrm2-common.R")
mod <- stan_model(file.path(here, "blrm2.stan"))

prior <- list(m1 = c(qlogis(0.2), 0), S1 = diag(c(2^2, 1^2)),
              m2 = c(qlogis(0.2), 0), S2 = diag(c(2^2, 1^2)), mEta = 0, sEta = sqrt(2) / 2)

## data sets, per cell row by row (A level 1 with B levels 1..3, then A level 2, ...)
sets <- list(
  prior    = list(n = c(0, 0, 0,  0, 0, 0,  0, 0, 0), y = c(0, 0, 0,  0, 0, 0,  0, 0, 0)),
  cohorts  = list(n = c(3, 0, 0,  3, 6, 0,  0, 3, 0), y = c(0, 0, 0,  0, 1, 0,  0, 0, 0)),
  highdlts = list(n = c(3, 0, 0,  0, 3, 3,  0, 3, 6), y = c(0, 0, 0,  0, 0, 1,  0, 0, 3)))

for (name in names(sets)) run_and_print(mod, name, stan_data(sets[[name]], prior))
sessionInfo()$otherPkgs$rstan$Version
