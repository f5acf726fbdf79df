package weka.gui.explorer;

import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import weka.classifiers.functions.NonParametricTransformer;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Not a test: opens the Weka Explorer on a data set, starts NPT with its default options (10-fold
 * cross-validation) from the Classify tab, and saves a picture of the window after some seconds,
 * showing the training progress in the status line. Run under a virtual display:
 *
 * <pre>xvfb-run -s "-screen 0 1280x900x24" java -cp &lt;test classpath&gt; weka.gui.explorer.ExplorerScreenshot data.arff out.png 12</pre>
 *
 * It lives in Weka's package to reach the Classify panel's classifier editor and start button.
 */
public final class ExplorerScreenshot {

    private ExplorerScreenshot() {}

    /**
     * @param args the ARFF file, the PNG to write and the seconds to wait before taking it
     * @throws Exception if the Explorer or the picture fails
     */
    public static void main(String[] args) throws Exception {
        Instances data = DataSource.read(args[0]);
        data.setClassIndex(data.numAttributes() - 1);
        Explorer explorer = onEdt(Explorer::new);
        JFrame frame = onEdt(() -> {
            JFrame f = new JFrame("Weka Explorer");
            f.getContentPane().add(explorer);
            f.setSize(1200, 850);
            f.setVisible(true);
            return f;
        });
        SwingUtilities.invokeAndWait(() -> explorer.getPreprocessPanel().setInstances(data));
        ClassifierPanel classify = null;
        for (Explorer.ExplorerPanel p : explorer.getPanels()) {
            if (p instanceof ClassifierPanel c) {
                classify = c;
            }
        }
        ClassifierPanel panel = classify;
        SwingUtilities.invokeAndWait(() -> {
            explorer.getTabbedPane().setSelectedComponent(panel);
            panel.m_ClassifierEditor.setValue(new NonParametricTransformer());
            panel.startClassifier();
        });
        Thread.sleep(Long.parseLong(args[2]) * 1000);
        BufferedImage picture = new Robot().createScreenCapture(frame.getBounds());
        ImageIO.write(picture, "png", new File(args[1]));
        System.exit(0);
    }

    private static <T> T onEdt(java.util.concurrent.Callable<T> make) throws Exception {
        Object[] out = new Object[1];
        Exception[] failure = new Exception[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                out[0] = make.call();
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }
}
