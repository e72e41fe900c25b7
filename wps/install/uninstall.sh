#!/bin/sh
# 目标绩效计分 WPS 加载项：为当前用户卸载（Linux）。删除加载项文件夹和 publish.xml 中本加载项的那一条，其他加载项不受影响。
# Uninstalls the WPS add-in for the current user: removes its folder and its publish.xml entry, keeping the others.
set -eu
NAME='@NAME@'

if [ "$(id -u)" -eq 0 ]; then
  echo "请不要用 root 或 sudo 运行：请以安装时的用户身份运行：sh uninstall.sh" >&2
  echo "Do not run this as root or with sudo: run it as the user who installed the add-in." >&2
  exit 1
fi
if [ -z "${HOME:-}" ] || [ ! -d "$HOME" ]; then
  echo "找不到当前用户的主目录（HOME）。 / HOME is not set." >&2
  exit 1
fi
JSADDONS="$HOME/.local/share/Kingsoft/wps/jsaddons"
PUBLISH="$JSADDONS/publish.xml"

if [ -s "$PUBLISH" ]; then
  TMP="$PUBLISH.$NAME.tmp"
  awk -v name="$NAME" 'BEGIN { RS = "\001" } {
    s = $0; out = ""
    while (match(s, /<jsplugin[a-z]*[ \t\r\n][^>]*>/)) {
      tag = substr(s, RSTART, RLENGTH); pre = substr(s, 1, RSTART - 1); s = substr(s, RSTART + RLENGTH)
      if (tag ~ ("[ \t\r\n]name=\"" name "\"")) { sub(/[ \t]*$/, "", pre); sub(/^\r?\n/, "", s); out = out pre }
      else out = out pre tag
    }
    printf "%s", out s
  }' < "$PUBLISH" > "$TMP"
  mv "$TMP" "$PUBLISH"
fi
for old in "$JSADDONS/${NAME}_"*; do
  if [ -d "$old" ]; then rm -rf "$old"; fi
done
rm -f "$PUBLISH.$NAME.bak"
echo "已卸载。请重新启动 WPS。 / Uninstalled; restart WPS."
