# Each target sets up .venv itself (see scripts/bootstrap.sh) and is safe to run again.
.PHONY: lab test setup

lab:  ## set up, then open JupyterLab on the first notebook
	bash scripts/bootstrap.sh lab

test:  ## set up, then run the whole test suite (browser tests included)
	bash scripts/bootstrap.sh test

setup:  ## only set up .venv: newslab, test tools and the spaCy model
	bash scripts/bootstrap.sh setup
