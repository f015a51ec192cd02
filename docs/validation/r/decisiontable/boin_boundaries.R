# Reference values for DecisionTableTest (io.daybreak.methods.design.decisiontable): BOIN's published boundary tables.
# R 4.2.2, BOIN 2.7.2 (installed from github:cran/BOIN into /work/Rlib).
# Run: Rscript docs/validation/r/decisiontable/boin_boundaries.R > docs/validation/r/decisiontable/boin_boundaries.out
.libPaths("/work/Rlib")
library(BOIN)
cat("BOIN", as.character(packageVersion("BOIN")), "\n")
for (target in c(0.2, 0.25, 0.3)) {
  b <- get.boundary(target = target, ncohort = 10, cohortsize = 3)
  tab <- b$full_boundary_tab
  cat(sprintf("\n# get.boundary(target = %s, ncohort = 10, cohortsize = 3)$full_boundary_tab (n = 1..30)\n", target))
  cat("escalate   ", paste(tab[2, ], collapse = ","), "\n")
  cat("deescalate ", paste(tab[3, ], collapse = ","), "\n")
  cat("eliminate  ", paste(ifelse(is.na(tab[4, ]), -1, tab[4, ]), collapse = ","), "\n")
  cat(sprintf("# $boundary_tab (n = 3, 6, ..., 30)\n"))
  print(b$boundary_tab)
}
