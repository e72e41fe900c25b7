@echo off
rem Uninstalls the target-scorer WPS add-in for the current user.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0uninstall.ps1"
pause
