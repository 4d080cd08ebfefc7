REM LibreOffice Basic run by tools/make_pasted.py inside headless soffice.
REM Opens each document hidden, selects all (.uno:SelectAll, as Ctrl+A) and saves the
REM text/plain;charset=utf-16 flavour of the controller's transferable, which is what
REM Ctrl+C puts on the clipboard as plain text, as UTF-8. The job list named by
REM $REPORTLINT_COPY_JOBS has one job a line: filter TAB source TAB target TAB.
Sub CopyAll
  Dim ins As Object, job As String, parts
  ins = createUnoService("com.sun.star.io.TextInputStream")
  ins.setInputStream(createUnoService("com.sun.star.ucb.SimpleFileAccess").openFileRead(ConvertToURL(Environ("REPORTLINT_COPY_JOBS"))))
  ins.setEncoding("UTF-8")
  Do While Not ins.isEOF()
    job = ins.readLine()
    If Len(job) > 0 Then
      parts = Split(job, Chr(9))
      CopyOne(parts(0), parts(1), parts(2))
    End If
  Loop
  ins.closeInput()
  StarDesktop.terminate()
End Sub

Sub CopyOne(filter As String, source As String, target As String)
  Dim args(1) As New com.sun.star.beans.PropertyValue
  Dim none() As New com.sun.star.beans.PropertyValue
  Dim doc As Object, controller As Object, trans As Object, flavors, text As String, i As Integer
  Dim files As Object, out As Object
  args(0).Name = "Hidden" : args(0).Value = True
  args(1).Name = "FilterName" : args(1).Value = filter
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), "_blank", 0, args())
  controller = doc.getCurrentController()
  createUnoService("com.sun.star.frame.DispatchHelper").executeDispatch(controller.getFrame(), ".uno:SelectAll", "", 0, none())
  trans = controller.getTransferable()
  flavors = trans.getTransferDataFlavors()
  text = ""
  For i = LBound(flavors) To UBound(flavors)
    If flavors(i).MimeType = "text/plain;charset=utf-16" Then text = trans.getTransferData(flavors(i))
  Next i
  files = createUnoService("com.sun.star.ucb.SimpleFileAccess")
  If files.exists(ConvertToURL(target)) Then files.kill(ConvertToURL(target))
  out = createUnoService("com.sun.star.io.TextOutputStream")
  out.setOutputStream(files.openFileWrite(ConvertToURL(target)))
  out.setEncoding("UTF-8")
  out.writeString(text)
  out.closeOutput()
  doc.close(True)
End Sub
