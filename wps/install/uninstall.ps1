# 目标绩效计分 WPS 加载项：为当前 Windows 用户卸载。删除加载项文件夹和 publish.xml 中本加载项的那一条，其他加载项不受影响。
# Uninstalls the WPS add-in for the current user: removes its folder and its publish.xml entry, keeping the others.
$ErrorActionPreference = 'Stop'
$Name = '@NAME@'
$JsAddons = Join-Path $env:APPDATA 'kingsoft\wps\jsaddons'
$Publish = Join-Path $JsAddons 'publish.xml'
if ((Test-Path -LiteralPath $Publish) -and (Get-Item -LiteralPath $Publish).Length -gt 0) {
  $doc = New-Object System.Xml.XmlDocument
  $doc.PreserveWhitespace = $true
  $doc.Load($Publish)
  $root = $doc.DocumentElement
  if ($null -ne $root) {
    foreach ($node in @($root.ChildNodes | Where-Object { $_.NodeType -eq 'Element' -and $_.GetAttribute('name') -eq $Name })) {
      [void]$root.RemoveChild($node)
    }
    $settings = New-Object System.Xml.XmlWriterSettings
    $settings.Encoding = New-Object System.Text.UTF8Encoding($false)
    $tmp = "$Publish.$Name.tmp"
    $writer = [System.Xml.XmlWriter]::Create($tmp, $settings)
    try { $doc.Save($writer) } finally { $writer.Close() }
    Move-Item -LiteralPath $tmp -Destination $Publish -Force
  }
}
if (Test-Path -LiteralPath $JsAddons) {
  Get-ChildItem -LiteralPath $JsAddons -Directory | Where-Object { $_.Name -like "${Name}_*" } | Remove-Item -Recurse -Force
}
Remove-Item -LiteralPath "$Publish.$Name.bak" -Force -ErrorAction SilentlyContinue
Write-Host '已卸载。请重新启动 WPS。 / Uninstalled; restart WPS.'
