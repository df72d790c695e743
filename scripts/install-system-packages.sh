#!/bin/sh
# System packages the Python dependencies cannot bring: the tesseract OCR program with its
# Vietnamese model (scanned PDFs and page images), antiword (old .doc files) and a TrueType
# font with Vietnamese letters (the tests draw their own scanned pages).
#
# Idempotent: does nothing when everything is there. Installs with apt-get only when it can
# (root, apt-get present); otherwise it prints what to install and exits 0, because
# `make run` works without these (scans and .doc files are skipped with the reason).
set -u

REQUIRED="tesseract-ocr tesseract-ocr-vie fonts-dejavu-core"
OPTIONAL="antiword"

ocr_ready() {
    command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie
}

font_ready() {
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]
}

doc_ready() {
    command -v antiword >/dev/null 2>&1 || command -v catdoc >/dev/null 2>&1
}

if ocr_ready && font_ready && doc_ready; then
    exit 0
fi

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    ocr_ready || echo "note: tesseract with its Vietnamese model is missing; scanned PDFs and images will be skipped." \
        "Install it: sudo apt-get install tesseract-ocr tesseract-ocr-vie (Windows: see README, 'Files it reads')."
    doc_ready || echo "note: antiword or catdoc is missing; .doc files will be skipped (sudo apt-get install antiword)."
    font_ready || echo "note: no DejaVu font; the tests that draw scanned pages will be skipped (sudo apt-get install fonts-dejavu-core)."
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "installing system packages: $REQUIRED $OPTIONAL"
if ! apt-get update -qq; then
    echo "note: apt-get update failed; trying the package lists already on this machine"
fi
apt-get install -y -qq --no-install-recommends $REQUIRED >/dev/null \
    || echo "note: could not install $REQUIRED; OCR will be skipped"
apt-get install -y -qq --no-install-recommends $OPTIONAL >/dev/null \
    || echo "note: could not install $OPTIONAL; .doc files will be skipped"
ocr_ready && echo "tesseract: $(tesseract --version 2>&1 | head -n 1), languages: $(tesseract --list-langs 2>/dev/null | tail -n +2 | tr '\n' ' ')"
exit 0
