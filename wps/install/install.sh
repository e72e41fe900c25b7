#!/bin/sh
# 目标绩效计分 WPS 加载项：为当前用户安装（Linux，包括麒麟、统信 UOS；不需要管理员权限）。
# 把加载项文件夹复制到 ~/.local/share/Kingsoft/wps/jsaddons，并在 publish.xml 中登记一条，其他加载项的登记原样保留。
# Installs the WPS add-in for the current user: copies the folder into jsaddons and merges one entry into publish.xml.
set -eu
NAME='@NAME@'
VERSION='@VERSION@'
FOLDER="${NAME}_${VERSION}"
ENTRY="<jsplugin name=\"$NAME\" type=\"et\" url=\"$FOLDER\" version=\"$VERSION\" enable=\"enable_dev\" install=\"null\" customDomain=\"\"/>"

if [ "$(id -u)" -eq 0 ]; then
  echo "请不要用 root 或 sudo 运行：加载项装在使用 WPS 的那个用户自己的目录中。请以平时的用户身份运行：sh install.sh" >&2
  echo "Do not run this as root or with sudo: run it as the user who uses WPS." >&2
  exit 1
fi
if [ -z "${HOME:-}" ] || [ ! -d "$HOME" ]; then
  echo "找不到当前用户的主目录（HOME）。 / HOME is not set." >&2
  exit 1
fi
HERE=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$HERE/$FOLDER/manifest.xml" ]; then
  echo "找不到加载项文件夹 $HERE/$FOLDER，请在解压后的 wps 文件夹中运行本脚本。 / The add-in folder is missing." >&2
  exit 1
fi
JSADDONS="$HOME/.local/share/Kingsoft/wps/jsaddons"
PUBLISH="$JSADDONS/publish.xml"

# publish.xml without this add-in's entries (a <jsplugin…/> or <jspluginonline…/> named $NAME), all else byte for byte.
strip_entry() {
  awk -v name="$NAME" 'BEGIN { RS = "\001" } {
    s = $0; out = ""
    while (match(s, /<jsplugin[a-z]*[ \t\r\n][^>]*>/)) {
      tag = substr(s, RSTART, RLENGTH); pre = substr(s, 1, RSTART - 1); s = substr(s, RSTART + RLENGTH)
      if (tag ~ ("[ \t\r\n]name=\"" name "\"")) { sub(/[ \t]*$/, "", pre); sub(/^\r?\n/, "", s); out = out pre }
      else out = out pre tag
    }
    printf "%s", out s
  }'
}

mkdir -p "$JSADDONS"
TMP="$PUBLISH.$NAME.tmp"
if [ -s "$PUBLISH" ]; then
  strip_entry < "$PUBLISH" > "$TMP"
  if grep -q '</jsplugins>' "$TMP"; then
    awk -v entry="$ENTRY" 'BEGIN { RS = "\001" } {
      i = index($0, "</jsplugins>"); head = substr($0, 1, i - 1)
      if (head !~ /\n$/) head = head "\n"
      printf "%s  %s\n%s", head, entry, substr($0, i)
    }' "$TMP" > "$TMP.2"
  elif grep -q '<jsplugins[ ]*/>' "$TMP"; then
    sed "s|<jsplugins[ ]*/>|<jsplugins>\\
  $ENTRY\\
</jsplugins>|" "$TMP" > "$TMP.2"
  else
    rm -f "$TMP"
    echo "$PUBLISH 的内容无法识别（没有 <jsplugins> 根元素），未做任何修改。 / publish.xml is not understood; nothing changed." >&2
    exit 1
  fi
  cp "$PUBLISH" "$PUBLISH.$NAME.bak"
  mv "$TMP.2" "$TMP"
else
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  %s\n</jsplugins>\n' "$ENTRY" > "$TMP"
fi

# Earlier versions of this add-in go; other add-ins stay.
for old in "$JSADDONS/${NAME}_"*; do
  if [ -d "$old" ]; then rm -rf "$old"; fi
done
cp -R "$HERE/$FOLDER" "$JSADDONS/$FOLDER"
mv "$TMP" "$PUBLISH"

echo "已安装到 $JSADDONS/$FOLDER"
echo "请重新启动 WPS，打开考核工作簿后选择“目标绩效计分”选项卡。首次启动若询问是否信任或启用该加载项，请选择信任（启用）。"
echo "Installed. Restart WPS and open the 目标绩效计分 tab."
