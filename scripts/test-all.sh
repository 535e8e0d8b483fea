#!/usr/bin/env bash
# The README's test command (npm run test:all): installs everything the tests need on a fresh
# Debian machine, then runs every check. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

die() { echo "错误：$*" >&2; echo "0 passed, 1 failed"; exit 1; }

command -v node >/dev/null || die "没有找到 Node.js（需要 20.9 或更新版本）"
command -v npm >/dev/null || die "没有找到 npm"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=9)?0:1)' \
  || die "Node.js 版本过旧：$(node --version)，需要 20.9 或更新版本"

# Debian packages the tests need. libsecret-1-dev: keytar (pulled by office-addin-debugging) builds
# natively during npm ci when its prebuilt binary cannot be downloaded. libreoffice-calc-nogui: the engine
# tests recalculate written workbooks; poppler-utils and fonts-noto-cjk: the sheet rendered to PNG;
# chromium (with fonts-noto-cjk): the end-to-end test of the task pane and the demo.
APT_PACKAGES=(libsecret-1-dev libreoffice-calc-nogui poppler-utils fonts-noto-cjk chromium)
missing=()
for p in "${APT_PACKAGES[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "安装系统软件包：${missing[*]}"
    apt-get update -qq || die "apt-get update 失败"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || die "无法安装 ${missing[*]}"
  else
    die "缺少系统软件包 ${missing[*]}：请运行 sudo apt-get install ${missing[*]}"
  fi
fi

# npm dependencies, exactly as locked; skipped when node_modules already matches the lock file
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "安装 npm 依赖（npm ci）……"
  npm ci --no-audit --no-fund || die "npm ci 失败"
fi

mkdir -p out
passed=0
failed=0
check() {
  local name=$1
  shift
  echo "── ${name}"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "✗ ${name} 失败"; fi
}

check "清单文件检查（npm run validate）" npm run --silent validate
check "类型检查与代码规范（npm run lint）" npm run --silent lint
check "生产构建（npm run build）" bash -c 'npm run --silent build > out/build.log 2>&1 || { tail -40 out/build.log; exit 1; }'

echo "── jest"
npx jest --ci --json --outputFile=out/jest.json
jest_status=$?
if [ -f out/jest.json ]; then
  read -r jp jf < <(node -e 'const r=require("./out/jest.json"); console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites)')
  passed=$((passed + jp))
  failed=$((failed + jf))
  if [ "$jest_status" -ne 0 ] && [ "$jf" -eq 0 ]; then failed=$((failed + 1)); fi
else
  failed=$((failed + 1))
fi

echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
