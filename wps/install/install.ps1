# 目标绩效计分 WPS 加载项：为当前 Windows 用户安装（不需要管理员权限）。
# 把加载项文件夹复制到 %APPDATA%\kingsoft\wps\jsaddons，并在 publish.xml 中登记一条，其他加载项的登记原样保留。
# Installs the WPS add-in for the current user: copies the folder into jsaddons and merges one entry into publish.xml.
$ErrorActionPreference = 'Stop'
$Name = '@NAME@'
$Version = '@VERSION@'
$Folder = "${Name}_$Version"
$Here = Split-Path -Parent $MyInvocation.MyCommand.Path
$Source = Join-Path $Here $Folder
if (-not (Test-Path -LiteralPath (Join-Path $Source 'manifest.xml'))) {
  Write-Host "找不到加载项文件夹 $Source，请在解压后的 wps 文件夹中运行本脚本。 / The add-in folder is missing."
  exit 1
}
$JsAddons = Join-Path $env:APPDATA 'kingsoft\wps\jsaddons'
$Publish = Join-Path $JsAddons 'publish.xml'
New-Item -ItemType Directory -Force -Path $JsAddons | Out-Null

$doc = New-Object System.Xml.XmlDocument
$doc.PreserveWhitespace = $true
if ((Test-Path -LiteralPath $Publish) -and (Get-Item -LiteralPath $Publish).Length -gt 0) {
  $doc.Load($Publish)
  Copy-Item -LiteralPath $Publish -Destination "$Publish.$Name.bak" -Force
} else {
  $doc.LoadXml("<?xml version=`"1.0`" encoding=`"UTF-8`"?>`r`n<jsplugins>`r`n</jsplugins>")
}
$root = $doc.DocumentElement
if ($null -eq $root -or $root.Name -ne 'jsplugins') {
  Write-Host "$Publish 的内容无法识别（没有 <jsplugins> 根元素），未做任何修改。 / publish.xml is not understood; nothing changed."
  exit 1
}
foreach ($node in @($root.ChildNodes | Where-Object { $_.NodeType -eq 'Element' -and $_.GetAttribute('name') -eq $Name })) {
  [void]$root.RemoveChild($node)
}
$entry = $doc.CreateElement('jsplugin')
foreach ($pair in @(@('name', $Name), @('type', 'et'), @('url', $Folder), @('version', $Version),
    @('enable', 'enable_dev'), @('install', 'null'), @('customDomain', ''))) {
  $entry.SetAttribute($pair[0], $pair[1])
}
[void]$root.AppendChild($doc.CreateTextNode('  '))
[void]$root.AppendChild($entry)
[void]$root.AppendChild($doc.CreateTextNode("`r`n"))

# Earlier versions of this add-in go; other add-ins stay.
Get-ChildItem -LiteralPath $JsAddons -Directory | Where-Object { $_.Name -like "${Name}_*" } | Remove-Item -Recurse -Force
Copy-Item -LiteralPath $Source -Destination (Join-Path $JsAddons $Folder) -Recurse
$settings = New-Object System.Xml.XmlWriterSettings
$settings.Encoding = New-Object System.Text.UTF8Encoding($false)
$tmp = "$Publish.$Name.tmp"
$writer = [System.Xml.XmlWriter]::Create($tmp, $settings)
try { $doc.Save($writer) } finally { $writer.Close() }
Move-Item -LiteralPath $tmp -Destination $Publish -Force

Write-Host "已安装到 $(Join-Path $JsAddons $Folder)"
Write-Host '请重新启动 WPS，打开考核工作簿后选择“目标绩效计分”选项卡。首次启动若询问是否信任或启用该加载项，请选择信任（启用）。'
Write-Host 'Installed. Restart WPS and open the 目标绩效计分 tab.'
