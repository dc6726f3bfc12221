#!/usr/bin/env bash
# Compiles lib/ (the public API, from lib/index.ts) with jsii into lib/*.js, lib/*.d.ts and the assembly
# .jsii, with tsconfig.jsii.json: tsconfig.json, which type-checks the whole repository, is not touched.
# Any warning fails the compile, except these two, on purpose:
# - metadata/missing-dev-dependency: jsii wants the devDependencies on aws-cdk-lib and constructs pinned
#   to the peer range's floors (2.269.0, 10.5.0), so the assembly is checked against the oldest release a
#   user may have. Development here tracks the newest release instead, and test/package/pack.test.ts
#   synthesizes an app with the packed package on both the floor and the newest release.
# - jsii's banner about Node.js 20's end of life: this machine and CI run Node.js 20 (the Lambda functions
#   run on Node.js 24); jsii 6 works on it.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
# Its report goes to stderr: stdout is for what calls it (npm pack --json runs it through prepack).
exec npx jsii --fail-on-warnings --silence-warnings metadata/missing-dev-dependency "$@" >&2
