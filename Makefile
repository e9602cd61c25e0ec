# Reelflow — the two commands: `make run` (server on http://localhost:8080) and `make test`.
# Everything it needs is installed or fetched here; what cannot be is named in one sentence.
SHELL := /bin/bash
.DEFAULT_GOAL := run

# Build and run on the Temurin 25 JDK (class files stay release 21). Never the machine's default JDK 17.
JDK ?= $(firstword $(wildcard /usr/lib/jvm/temurin-25-jdk*))
export JAVA_HOME := $(JDK)
JAVA := $(JDK)/bin/java
MVN := mvn -B -q
JAR := target/reelflow.jar

# System tools of the offline media engine (Debian package names).
APT_PACKAGES := ffmpeg festival festvox-us-slt-hts pocketsphinx pocketsphinx-en-us fonts-inter fonts-league-spartan fonts-bebas-neue
TOOLS := ffmpeg ffprobe festival text2wave pocketsphinx_continuous
FONTS := /usr/share/fonts/opentype/inter/Inter-Black.otf /usr/share/fonts/opentype/league-spartan/LeagueSpartan-Black.otf /usr/share/fonts/opentype/bebas-neue/BebasNeue-Regular.otf

.PHONY: run test unit-test browser-test bench bench-sse bench-render package clean jdk maven tools

jdk:
	@test -x "$(JAVA)" || { echo "Temurin JDK 25 is missing: install it under /usr/lib/jvm (or run make with JDK=/path/to/jdk-25)."; exit 1; }

maven:
	@command -v mvn >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >/dev/null; } \
	  || { echo "Apache Maven is missing: install it (Debian: apt-get install maven)."; exit 1; }

# Installs the media tools with apt when any is missing (Debian/Ubuntu, as root); elsewhere says what to install.
tools:
	@missing=""; for t in $(TOOLS); do command -v $$t >/dev/null || missing="$$missing $$t"; done; \
	 for f in $(FONTS); do [ -r $$f ] || missing="$$missing $$(basename $$f)"; done; \
	 if [ -n "$$missing" ]; then \
	   if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	     echo "Installing media tools:$$missing"; \
	     apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null \
	       || { echo "apt-get could not install the media tools ($(APT_PACKAGES))."; exit 1; }; \
	   else \
	     echo "Media tools are missing ($$missing): install $(APT_PACKAGES) or their equivalents (see README)."; exit 1; \
	   fi; \
	 fi

package: jdk maven
	$(MVN) package -DskipTests

run: package tools
	$(JAVA) -jar $(JAR)

# Unit and server tests (real servers, files and encoder), then the browser tests of the web UI.
test: unit-test browser-test

# tmux drives the CLI under a real pseudo-terminal in the CLI tests.
unit-test: jdk maven tools
	@command -v tmux >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux >/dev/null; } \
	  || { echo "tmux is missing: install it (Debian: apt-get install tmux)."; exit 1; }
	mvn -B test

# Browser tests of the web UI: Debian's chromium driven by playwright-core (no browser download), against the real
# jar on a free port with a temporary jobs folder, and a second one started with a random API_TOKEN (the token
# dialog; it is probed on /observe/health, which needs no token). Screenshots land in docs/screenshots/.
BROWSER_DIR := src/test/browser
FREE_PORT := python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || shuf -i 20000-60000 -n 1
browser-test: package
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || { echo "chromium is missing: install it (Debian: apt-get install chromium)."; exit 1; }
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; } \
	  || { echo "npm is missing: install Node.js and npm."; exit 1; }
	@[ -d $(BROWSER_DIR)/node_modules/playwright-core ] || (cd $(BROWSER_DIR) && npm ci --no-audit --no-fund --silent)
	@port=$$($(FREE_PORT)); tport=$$($(FREE_PORT)); token=$$(head -c 18 /dev/urandom | base64 | tr '+/' '-_'); \
	 jobs=$$(mktemp -d); \
	 SERVER_PORT=$$port SERVER_HOST=127.0.0.1 JOBS_DIR=$$jobs/jobs $(JAVA) -jar $(JAR) >$$jobs/server.log 2>&1 & pid=$$!; \
	 SERVER_PORT=$$tport SERVER_HOST=127.0.0.1 JOBS_DIR=$$jobs/token-jobs API_TOKEN=$$token $(JAVA) -jar $(JAR) \
	   >$$jobs/token-server.log 2>&1 & tpid=$$!; \
	 trap 'kill $$pid $$tpid 2>/dev/null; wait $$pid $$tpid 2>/dev/null; rm -rf $$jobs' EXIT; \
	 for i in $$(seq 1 150); do curl -fs http://127.0.0.1:$$port/api/v1/health >/dev/null \
	   && curl -fs http://127.0.0.1:$$tport/observe/health >/dev/null && break; \
	   { kill -0 $$pid && kill -0 $$tpid; } 2>/dev/null || { cat $$jobs/*.log; exit 1; }; sleep 0.2; done; \
	 cd $(BROWSER_DIR) && BASE_URL=http://127.0.0.1:$$port TOKEN_BASE_URL=http://127.0.0.1:$$tport API_TOKEN=$$token \
	   SCREENSHOT_DIR=$(CURDIR)/docs/screenshots npm test

# Benchmarks (figures and machine in docs/benchmarks.md).
bench: bench-sse bench-render

# SSE fan-out: server and load client on this machine, 2,000 and 10,000 subscribers, about 7 minutes per variant.
bench-sse: package
	bench/sse-fanout.sh

# Rendering a 45 s short against the raw libx264 encode of the same frames.
bench-render: package tools
	$(JAVA) -cp 'target/classes:target/test-classes:target/libs/*' org.reelflow.bench.RenderBench


clean:
	rm -rf target
