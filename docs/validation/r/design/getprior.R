# dfcrm::getprior skeletons for CrmPosteriorTest.skeletonByLeeAndCheung. Run: Rscript getprior.R > getprior.out
.libPaths("/work/rlib-design")
library(dfcrm)
cat("R ", R.version$major, ".", R.version$minor, ", dfcrm ", as.character(packageVersion("dfcrm")), "\n", sep = "")
cat("getprior(0.05, 0.30, 4, 6):", sprintf("%.15g", getprior(0.05, 0.30, 4, 6)), "\n")
cat("getprior(0.05, 0.30, 4, 6, model = \"logistic\", intcpt = 3):",
    sprintf("%.15g", getprior(0.05, 0.30, 4, 6, model = "logistic", intcpt = 3)), "\n")
