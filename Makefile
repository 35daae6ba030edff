# MissionMatch — the two quick-start commands and a few more.
#
#   make demo       install what is missing, build, run the main job on Data/
#   make test       install what is missing, build, run every test
#   make bench      the full benchmarks (Benchmarks/, package-benchmark)
#   make bench-ci   the short benchmark run CI does after the tests

SWIFT ?= swift
RELEASE_BIN = .build/release/missionmatch

.PHONY: demo test deps build bench bench-ci clean

deps:
	@bash scripts/ensure-deps.sh

build: deps
	$(SWIFT) build -c release --product missionmatch

demo: build
	$(RELEASE_BIN) doctor
	$(RELEASE_BIN) validate Data/missions/*.yaml

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	cd Benchmarks && $(SWIFT) package benchmark --no-progress

bench-ci: deps
	cd Benchmarks && MISSIONMATCH_BENCH_SCALE=ci $(SWIFT) package benchmark --no-progress \
		--target PairScoring --target RandomizedSVD

clean:
	rm -rf .build Benchmarks/.build
