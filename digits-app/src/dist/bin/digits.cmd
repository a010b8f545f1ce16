@echo off
rem digits for Windows: runs the application with the heap each command needs. Only a Java 17+
rem runtime must be installed (JAVA_HOME, or java on the PATH). See bin/digits for the reasons.
setlocal
set "HOME_DIR=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
set "HEAP=2g"
set "COLLECTOR="
if "%~1"=="serve" (
  set "HEAP=512m"
  set "COLLECTOR=-XX:+UseSerialGC"
)
if "%~1"=="predict" (
  set "HEAP=1g"
  set "COLLECTOR=-XX:G1HeapRegionSize=4m"
)
if "%~1"=="read" set "HEAP=1g"
set "OPT_OUT_TRACKING=true"
rem Native access for JNA, through which the engine loads: Java 24 and later warn on stderr at every
rem start without it; Java 17 accepts it at about 20 ms a start (bin/digits grants it on 24+ only).
"%JAVA%" -Xmx%HEAP% %COLLECTOR% --enable-native-access=ALL-UNNAMED %DIGITS_JAVA_OPTS% -Dai.djl.offline=true -cp "%HOME_DIR%\lib\digits.jar;%HOME_DIR%\lib\*" dev.digits.cli.DigitsCommand %*
exit /b %ERRORLEVEL%
